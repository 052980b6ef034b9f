
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
      "ReturnRefused",
      "SignInFailed",
      "SubscriptionChangeRefused",
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
    "CaseResult": [
      "CaseSaved",
      "NotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "CloseMonthResult": [
      "BillingRun",
      "NotFound",
      "OperationRefused",
      "ValidationFailed"
    ],
    "CorrectInvoiceResult": [
      "InvoiceCorrected",
      "NotFound",
      "OperationRefused",
      "ValidationFailed"
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
    "CreateWebhookEndpointResult": [
      "NotFound",
      "OperationRefused",
      "ValidationFailed",
      "WebhookEndpointCreated"
    ],
    "DashboardResult": [
      "Dashboard",
      "OperationRefused",
      "ValidationFailed"
    ],
    "ImportPriceListResult": [
      "PriceListImport",
      "UploadNotFound"
    ],
    "NotificationSettingResult": [
      "NotificationSettingsSaved",
      "ValidationFailed"
    ],
    "PasswordChangeResult": [
      "OperationRefused",
      "PasswordChanged"
    ],
    "PlantDriftResult": [
      "DriftPlanted",
      "NotFound"
    ],
    "PreviewPriceRuleResult": [
      "NotFound",
      "OperationRefused",
      "PriceRulePreviewResult",
      "ValidationFailed"
    ],
    "RemoveWebhookEndpointResult": [
      "NotFound",
      "OperationRefused",
      "WebhookEndpointRemoved"
    ],
    "RenewalCalendarResult": [
      "RenewalCalendar",
      "ValidationFailed"
    ],
    "ResendInvoiceResult": [
      "InvoiceResent",
      "NotFound",
      "OperationRefused"
    ],
    "ReturnResult": [
      "ReturnDone",
      "ReturnRefused"
    ],
    "SaveCustomerMarkupResult": [
      "CustomerMarkupSaved",
      "NotFound",
      "OperationRefused",
      "ValidationFailed"
    ],
    "SaveCustomerResult": [
      "CustomerSaved",
      "NotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "SavePriceBookResult": [
      "NotFound",
      "OperationRefused",
      "PriceBookSaved",
      "ValidationFailed"
    ],
    "SavePriceRuleResult": [
      "NotFound",
      "OperationRefused",
      "PriceRuleSaved",
      "ValidationFailed"
    ],
    "SavePromotionResult": [
      "NotFound",
      "OperationRefused",
      "PromotionSaved",
      "ValidationFailed"
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
    "SubscriptionChangeResult": [
      "NotFound",
      "SubscriptionChangeRefused",
      "SubscriptionChanged"
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
    "UnlockSignInResult": [
      "OperationRefused",
      "SignInUnlocked"
    ],
    "UpdateStaffUserResult": [
      "NotFound",
      "OperationRefused",
      "StaffUserUpdated",
      "ValidationFailed",
      "VersionConflict"
    ],
    "WebhookDeliveryResult": [
      "NotFound",
      "OperationRefused",
      "WebhookDeliveryQueued"
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
      "ReturnRefused",
      "SignInFailed",
      "SubscriptionChangeRefused",
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
    "CaseResult": [
      "CaseSaved",
      "NotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "CloseMonthResult": [
      "BillingRun",
      "NotFound",
      "OperationRefused",
      "ValidationFailed"
    ],
    "CorrectInvoiceResult": [
      "InvoiceCorrected",
      "NotFound",
      "OperationRefused",
      "ValidationFailed"
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
    "CreateWebhookEndpointResult": [
      "NotFound",
      "OperationRefused",
      "ValidationFailed",
      "WebhookEndpointCreated"
    ],
    "DashboardResult": [
      "Dashboard",
      "OperationRefused",
      "ValidationFailed"
    ],
    "ImportPriceListResult": [
      "PriceListImport",
      "UploadNotFound"
    ],
    "NotificationSettingResult": [
      "NotificationSettingsSaved",
      "ValidationFailed"
    ],
    "PasswordChangeResult": [
      "OperationRefused",
      "PasswordChanged"
    ],
    "PlantDriftResult": [
      "DriftPlanted",
      "NotFound"
    ],
    "PreviewPriceRuleResult": [
      "NotFound",
      "OperationRefused",
      "PriceRulePreviewResult",
      "ValidationFailed"
    ],
    "RemoveWebhookEndpointResult": [
      "NotFound",
      "OperationRefused",
      "WebhookEndpointRemoved"
    ],
    "RenewalCalendarResult": [
      "RenewalCalendar",
      "ValidationFailed"
    ],
    "ResendInvoiceResult": [
      "InvoiceResent",
      "NotFound",
      "OperationRefused"
    ],
    "ReturnResult": [
      "ReturnDone",
      "ReturnRefused"
    ],
    "SaveCustomerMarkupResult": [
      "CustomerMarkupSaved",
      "NotFound",
      "OperationRefused",
      "ValidationFailed"
    ],
    "SaveCustomerResult": [
      "CustomerSaved",
      "NotFound",
      "ValidationFailed",
      "VersionConflict"
    ],
    "SavePriceBookResult": [
      "NotFound",
      "OperationRefused",
      "PriceBookSaved",
      "ValidationFailed"
    ],
    "SavePriceRuleResult": [
      "NotFound",
      "OperationRefused",
      "PriceRuleSaved",
      "ValidationFailed"
    ],
    "SavePromotionResult": [
      "NotFound",
      "OperationRefused",
      "PromotionSaved",
      "ValidationFailed"
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
    "SubscriptionChangeResult": [
      "NotFound",
      "SubscriptionChangeRefused",
      "SubscriptionChanged"
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
    "UnlockSignInResult": [
      "OperationRefused",
      "SignInUnlocked"
    ],
    "UpdateStaffUserResult": [
      "NotFound",
      "OperationRefused",
      "StaffUserUpdated",
      "ValidationFailed",
      "VersionConflict"
    ],
    "WebhookDeliveryResult": [
      "NotFound",
      "OperationRefused",
      "WebhookDeliveryQueued"
    ]
  }
};
      export default result;
    