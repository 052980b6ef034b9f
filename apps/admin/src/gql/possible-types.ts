
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AcceptRelationshipResult": [
      "NotFound",
      "SimTenantSaved"
    ],
    "BusinessError": [
      "NotFound",
      "OperationRefused",
      "SignInFailed",
      "TenantRefused",
      "UploadNotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "CreatePasswordResetResult": [
      "OperationRefused",
      "PasswordResetCreated"
    ],
    "CreateUserResult": [
      "NotFound",
      "OperationRefused",
      "UserCreated",
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
    "SaveCustomerResult": [
      "CustomerSaved",
      "NotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "SaveResellerResult": [
      "NotFound",
      "ResellerSaved",
      "ValidationFailed",
      "VersionConflict"
    ],
    "SaveSimPartnerResult": [
      "SimPartnerSaved",
      "ValidationFailed"
    ],
    "SaveSimTenantResult": [
      "SimTenantSaved",
      "ValidationFailed"
    ],
    "SignInResult": [
      "SignInFailed",
      "SignedIn"
    ],
    "TenantResult": [
      "TenantRefused",
      "TenantSaved"
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
    "AcceptRelationshipResult": [
      "NotFound",
      "SimTenantSaved"
    ],
    "BusinessError": [
      "NotFound",
      "OperationRefused",
      "SignInFailed",
      "TenantRefused",
      "UploadNotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "CreatePasswordResetResult": [
      "OperationRefused",
      "PasswordResetCreated"
    ],
    "CreateUserResult": [
      "NotFound",
      "OperationRefused",
      "UserCreated",
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
    "SaveCustomerResult": [
      "CustomerSaved",
      "NotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "SaveResellerResult": [
      "NotFound",
      "ResellerSaved",
      "ValidationFailed",
      "VersionConflict"
    ],
    "SaveSimPartnerResult": [
      "SimPartnerSaved",
      "ValidationFailed"
    ],
    "SaveSimTenantResult": [
      "SimTenantSaved",
      "ValidationFailed"
    ],
    "SignInResult": [
      "SignInFailed",
      "SignedIn"
    ],
    "TenantResult": [
      "TenantRefused",
      "TenantSaved"
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
    