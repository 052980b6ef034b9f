
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "BusinessError": [
      "NotFound",
      "OperationRefused",
      "SignInFailed",
      "UploadNotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "CreatePasswordResetResult": [
      "OperationRefused",
      "PasswordResetCreated"
    ],
    "CreateStaffUserResult": [
      "OperationRefused",
      "StaffUserCreated",
      "ValidationFailed"
    ],
    "ImportPriceListResult": [
      "PriceListImport",
      "UploadNotFound"
    ],
    "PasswordChangeResult": [
      "OperationRefused",
      "PasswordChanged"
    ],
    "SignInResult": [
      "SignInFailed",
      "SignedIn"
    ],
    "UpdateStaffUserResult": [
      "NotFound",
      "OperationRefused",
      "StaffUserUpdated",
      "ValidationFailed",
      "VersionConflict"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "BusinessError": [
      "NotFound",
      "OperationRefused",
      "SignInFailed",
      "UploadNotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "CreatePasswordResetResult": [
      "OperationRefused",
      "PasswordResetCreated"
    ],
    "CreateStaffUserResult": [
      "OperationRefused",
      "StaffUserCreated",
      "ValidationFailed"
    ],
    "ImportPriceListResult": [
      "PriceListImport",
      "UploadNotFound"
    ],
    "PasswordChangeResult": [
      "OperationRefused",
      "PasswordChanged"
    ],
    "SignInResult": [
      "SignInFailed",
      "SignedIn"
    ],
    "UpdateStaffUserResult": [
      "NotFound",
      "OperationRefused",
      "StaffUserUpdated",
      "ValidationFailed",
      "VersionConflict"
    ]
  }
};
      export default result;
    