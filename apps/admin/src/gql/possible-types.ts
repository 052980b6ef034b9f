
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AcceptRelationshipResult": [
      "NotFound",
      "SimTenantSaved"
    ],
    "BusinessError": [
      "BuyRefused",
      "CartRefused",
      "NotFound",
      "OpenTermsRequestExists",
      "OperationRefused",
      "PricesChanged",
      "PurchaseNotReady",
      "SignInFailed",
      "TenantRefused",
      "UploadNotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "BuyResult": [
      "BuyRefused",
      "OrderPlaced",
      "PricesChanged",
      "PurchaseNotReady"
    ],
    "CartResult": [
      "Cart",
      "CartRefused"
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
    "TermsResult": [
      "NotFound",
      "OpenTermsRequestExists",
      "OperationRefused",
      "TermsRequestSaved",
      "ValidationFailed",
      "VersionConflict"
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
      "BuyRefused",
      "CartRefused",
      "NotFound",
      "OpenTermsRequestExists",
      "OperationRefused",
      "PricesChanged",
      "PurchaseNotReady",
      "SignInFailed",
      "TenantRefused",
      "UploadNotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "BuyResult": [
      "BuyRefused",
      "OrderPlaced",
      "PricesChanged",
      "PurchaseNotReady"
    ],
    "CartResult": [
      "Cart",
      "CartRefused"
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
    "TermsResult": [
      "NotFound",
      "OpenTermsRequestExists",
      "OperationRefused",
      "TermsRequestSaved",
      "ValidationFailed",
      "VersionConflict"
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
    