/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment FieldProblems on ValidationFailed {\n    fields {\n      field\n      message\n    }\n  }\n': typeof types.FieldProblemsFragmentDoc;
  '\n  fragment Refusal on BusinessError {\n    code\n    message\n  }\n': typeof types.RefusalFragmentDoc;
  '\n  query AuditEntries($filter: AuditFilterInput, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    auditEntries(filter: $filter, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actorKind\n        actorEmail\n        actorRoles\n        onBehalfOfResellerId\n        operation\n        entityType\n        entityId\n        entityName\n        requestId\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.AuditEntriesDocument;
  '\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: Cursor) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              id\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.CatalogProductsDocument;
  '\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n': typeof types.CatalogMarketsDocument;
  '\n  query CatalogProduct($id: Code!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n': typeof types.CatalogProductDocument;
  '\n  query Customers(\n    $resellerId: ID\n    $search: ShortText\n    $segment: CustomerSegment\n    $sortBy: CustomerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    customers(\n      resellerId: $resellerId\n      search: $search\n      segment: $segment\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        resellerId\n        companyName\n        segment\n        portalLogin\n        adminContact {\n          name\n          email\n        }\n        tenant {\n          domain\n          state\n          attestedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.CustomersDocument;
  '\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      resellerId\n      segment\n      companyName\n      vendorContractId\n      portalLogin\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      adminContact {\n        name\n        email\n        phone\n      }\n      tenant {\n        choice\n        domain\n        state\n        tenantId\n        adminUser\n        attestedAt\n        attestedByEmail\n      }\n    }\n    tenantChoices(customerId: $id) {\n      recommended\n      explanation\n      createNew {\n        allowed\n        code\n        message\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n': typeof types.CustomerDocument;
  '\n  mutation CreateCustomer($resellerId: ID!, $input: CustomerInput!) {\n    createCustomer(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CustomerSaved {\n        customer {\n          id\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n': typeof types.CreateCustomerDocument;
  '\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    updateCustomer(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n': typeof types.UpdateCustomerDocument;
  '\n  mutation RevealPortalPassword($customerId: ID!) {\n    revealPortalPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n': typeof types.RevealPortalPasswordDocument;
  '\n  mutation RevealTenantAdminPassword($customerId: ID!) {\n    revealTenantAdminPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n': typeof types.RevealTenantAdminPasswordDocument;
  '\n  mutation ChooseNewTenant($customerId: ID!, $domain: Code!) {\n    chooseNewTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n': typeof types.ChooseNewTenantDocument;
  '\n  mutation ChooseExistingTenant($customerId: ID!, $domain: Code!) {\n    chooseExistingTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n': typeof types.ChooseExistingTenantDocument;
  '\n  mutation SignAttestation($customerId: ID!) {\n    signAttestation(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n': typeof types.SignAttestationDocument;
  '\n  mutation CreateCustomerTenant($customerId: ID!) {\n    createCustomerTenant(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n': typeof types.CreateCustomerTenantDocument;
  '\n  query ResellerOptions($search: ShortText) {\n    resellers(search: $search, first: 20) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n      }\n    }\n  }\n': typeof types.ResellerOptionsDocument;
  '\n  query ResellerOption($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n    }\n  }\n': typeof types.ResellerOptionDocument;
  '\n  mutation RegeneratePortalPassword($customerId: ID!) {\n    regeneratePortalPassword(customerId: $customerId)\n  }\n': typeof types.RegeneratePortalPasswordDocument;
  '\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        topic\n        label\n        description\n        enabled\n      }\n    }\n  }\n': typeof types.NotificationSettingsDocument;
  '\n  mutation SetNotificationSetting($topic: Code!, $enabled: Boolean!) {\n    setNotificationSetting(topic: $topic, enabled: $enabled) {\n      __typename\n      ... on NotificationSettingsSaved {\n        settings {\n          topic\n          enabled\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n': typeof types.SetNotificationSettingDocument;
  '\n  query Me {\n    me {\n      id\n      email\n      displayName\n      kind\n      roles\n      permissions\n      resellerId\n    }\n  }\n': typeof types.MeDocument;
  '\n  mutation SignIn($email: EmailText!, $password: Password!) {\n    signIn(email: $email, password: $password) {\n      __typename\n      ... on SignedIn {\n        me {\n          id\n          email\n          displayName\n          kind\n          roles\n          permissions\n          resellerId\n        }\n      }\n      ... on SignInFailed {\n        code\n        message\n        retryAfterSeconds\n      }\n    }\n  }\n': typeof types.SignInDocument;
  '\n  mutation SignOut {\n    signOut\n  }\n': typeof types.SignOutDocument;
  '\n  mutation ChangePassword($currentPassword: Password!, $newPassword: Password!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n': typeof types.ChangePasswordDocument;
  '\n  mutation ResetPassword($token: Code!, $newPassword: Password!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n': typeof types.ResetPasswordDocument;
  '\n  query Cart($resellerId: ID!) {\n    cart(resellerId: $resellerId) {\n      id\n      customerId\n      priceSegment\n      version\n      total {\n        amountMinor\n        formatted\n      }\n      lines {\n        id\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        maxQuantity\n        unitPrice {\n          amountMinor\n          formatted\n        }\n        currentUnitPrice {\n          amountMinor\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n      }\n    }\n  }\n': typeof types.CartDocument;
  '\n  query PurchaseReadiness($resellerId: ID!, $paymentMethod: Code) {\n    purchaseReadiness(resellerId: $resellerId, paymentMethod: $paymentMethod) {\n      ready\n      paymentMethod\n      total {\n        formatted\n      }\n      checklist {\n        step\n        label\n        done\n      }\n      unmet {\n        step\n        code\n        message\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n    }\n  }\n': typeof types.PurchaseReadinessDocument;
  '\n  mutation AddToCart($resellerId: ID!, $priceId: Int!) {\n    addToCart(resellerId: $resellerId, priceId: $priceId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n': typeof types.AddToCartDocument;
  '\n  mutation SetCartQuantity($resellerId: ID!, $lineId: ID!, $quantity: Int!) {\n    setCartQuantity(resellerId: $resellerId, lineId: $lineId, quantity: $quantity) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n': typeof types.SetCartQuantityDocument;
  '\n  mutation RemoveCartLine($resellerId: ID!, $lineId: ID!) {\n    removeCartLine(resellerId: $resellerId, lineId: $lineId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n': typeof types.RemoveCartLineDocument;
  '\n  mutation BindCartCustomer($resellerId: ID!, $customerId: ID!) {\n    bindCartCustomer(resellerId: $resellerId, customerId: $customerId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n': typeof types.BindCartCustomerDocument;
  '\n  mutation Buy($resellerId: ID!, $input: BuyInput!) {\n    buy(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on OrderPlaced {\n        replayed\n        order {\n          id\n          soNumber\n          total {\n            formatted\n          }\n        }\n      }\n      ... on PurchaseNotReady {\n        message\n        unmet {\n          code\n          message\n        }\n      }\n      ... on PricesChanged {\n        message\n        changes {\n          title\n          before {\n            formatted\n          }\n          after {\n            formatted\n          }\n        }\n      }\n      ... on BuyRefused {\n        code\n        message\n      }\n    }\n  }\n': typeof types.BuyDocument;
  '\n  query Orders(\n    $resellerId: ID\n    $status: Code\n    $search: ShortText\n    $from: Code\n    $to: Code\n    $sortBy: OrderSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    orders(\n      resellerId: $resellerId\n      status: $status\n      search: $search\n      from: $from\n      to: $to\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        soNumber\n        resellerName\n        customerName\n        status\n        placedAt\n        total {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.OrdersDocument;
  '\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      soNumber\n      resellerId\n      resellerName\n      customerName\n      customerId\n      status\n      paymentMethod\n      poNumber\n      tenantDomain\n      placedAt\n      provisionedAt\n      failureReason\n      total {\n        formatted\n      }\n      lines {\n        lineNumber\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        subscriptionId\n        status\n      }\n      events {\n        at\n        state\n        message\n      }\n      emails {\n        id\n        to\n        subject\n        body\n        status\n        createdAt\n      }\n    }\n  }\n': typeof types.OrderDocument;
  '\n  mutation RetryOrderProvisioning($orderId: ID!) {\n    retryOrderProvisioning(orderId: $orderId) {\n      message\n    }\n  }\n': typeof types.RetryOrderProvisioningDocument;
  '\n  query PriceListImports($first: Int!, $after: Cursor) {\n    priceListImports(first: $first, after: $after) {\n      nodes {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.PriceListImportsDocument;
  '\n  query PriceListImport($id: ID!) {\n    priceListImport(id: $id) {\n      id\n      sourceName\n      status\n      rowsRead\n      rowsInserted\n      rowsUpdated\n      rowsUnchanged\n      errorLine\n      errorColumn\n      errorMessage\n      startedAt\n      finishedAt\n    }\n  }\n': typeof types.PriceListImportDocument;
  '\n  mutation ImportPriceList($uploadId: ID!, $fileName: ShortText) {\n    importPriceList(uploadId: $uploadId, fileName: $fileName) {\n      __typename\n      ... on PriceListImport {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      ... on UploadNotFound {\n        code\n        message\n      }\n    }\n  }\n': typeof types.ImportPriceListDocument;
  '\n  query PriceListUploads {\n    priceListUploads {\n      files\n      bytes\n      maxAgeHours\n    }\n  }\n': typeof types.PriceListUploadsDocument;
  '\n  query Resellers(\n    $search: ShortText\n    $status: ResellerStatus\n    $sortBy: ResellerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    resellers(search: $search, status: $status, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        bcn\n        status\n        paymentMethod\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.ResellersDocument;
  '\n  query Reseller($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n      bcn\n      status\n      paymentMethod\n      mpnLocationId\n      resellerDomain\n      checksAt\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      checks {\n        code\n        label\n        status\n        reason\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n      activation {\n        status\n        requestedAt\n        completesAfter\n        completedAt\n      }\n      users {\n        id\n        email\n        displayName\n        active\n      }\n    }\n  }\n': typeof types.ResellerDocument;
  '\n  mutation CreateReseller($input: ResellerInput!) {\n    createReseller(input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.CreateResellerDocument;
  '\n  mutation UpdateReseller($id: ID!, $version: Int!, $input: ResellerInput!) {\n    updateReseller(id: $id, version: $version, input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.UpdateResellerDocument;
  '\n  mutation SetResellerStatus($id: ID!, $version: Int!, $status: ResellerStatus!) {\n    setResellerStatus(id: $id, version: $version, status: $status) {\n      __typename\n      ... on ValidationFailed {\n        fields {\n          message\n        }\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n': typeof types.SetResellerStatusDocument;
  '\n  mutation SetResellerIdentifiers($resellerId: ID!, $mpnLocationId: Code!, $resellerDomain: Code!) {\n    setResellerIdentifiers(resellerId: $resellerId, mpnLocationId: $mpnLocationId, resellerDomain: $resellerDomain) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.SetResellerIdentifiersDocument;
  '\n  mutation RunResellerChecks($resellerId: ID!) {\n    runResellerChecks(resellerId: $resellerId) {\n      checkedAt\n    }\n  }\n': typeof types.RunResellerChecksDocument;
  '\n  mutation CreateResellerUser($resellerId: ID!, $email: EmailText!, $displayName: ShortText!) {\n    createResellerUser(resellerId: $resellerId, email: $email, displayName: $displayName) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n': typeof types.CreateResellerUserDocument;
  '\n  query ResellerHistory($entityId: ShortText!) {\n    auditEntries(filter: { entityType: "Reseller", entityId: $entityId }, first: 20) {\n      nodes {\n        id\n        at\n        actorEmail\n        actorKind\n        operation\n        changes {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n': typeof types.ResellerHistoryDocument;
  '\n  query Simulator {\n    simPartners {\n      mpnId\n      companyName\n      kind\n      cspIndirectReseller\n      relationshipWithDistributor\n      tenantDomain\n    }\n    simTenants {\n      domain\n      companyName\n      government\n      relationshipAccepted\n      indirectResellers\n      createdByMarketplace\n      provisioningFails\n      subscriptionChanges\n    }\n    distributorLinks {\n      customerAuthorisation\n    }\n  }\n': typeof types.SimulatorDocument;
  '\n  mutation SaveSimPartner($input: SimPartnerInput!) {\n    saveSimPartner(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n': typeof types.SaveSimPartnerDocument;
  '\n  mutation SaveSimTenant($input: SimTenantInput!) {\n    saveSimTenant(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n': typeof types.SaveSimTenantDocument;
  '\n  mutation AcceptTenantRelationship($domain: Code!, $indirectReseller: Code) {\n    acceptTenantRelationship(domain: $domain, indirectReseller: $indirectReseller) {\n      __typename\n    }\n  }\n': typeof types.AcceptTenantRelationshipDocument;
  '\n  query StaffUsers($search: ShortText, $sortBy: UserSort, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    staffUsers(search: $search, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        displayName\n        roles\n        active\n        createdAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.StaffUsersDocument;
  '\n  mutation CreateStaffUser($input: NewStaffUserInput!) {\n    createStaffUser(input: $input) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n        user {\n          id\n          email\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n': typeof types.CreateStaffUserDocument;
  '\n  mutation UpdateStaffUser($input: StaffUserChangeInput!) {\n    updateStaffUser(input: $input) {\n      __typename\n      ... on StaffUserUpdated {\n        user {\n          id\n          displayName\n          roles\n          active\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.UpdateStaffUserDocument;
  '\n  mutation CreatePasswordReset($userId: ID!) {\n    createPasswordReset(userId: $userId) {\n      __typename\n      ... on PasswordResetCreated {\n        resetUrl\n        expiresAt\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n': typeof types.CreatePasswordResetDocument;
  '\n  mutation UnlockSignInAddress($address: Code!) {\n    unlockSignInAddress(address: $address) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n': typeof types.UnlockSignInAddressDocument;
  '\n  query Subscriptions(\n    $product: ShortText\n    $status: SubscriptionStatus\n    $endingWithinDays: Int\n    $windowOpen: Boolean\n    $autoRenew: Boolean\n    $trial: Boolean\n    $customerId: ID\n    $sortBy: SubscriptionSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    subscriptions(\n      product: $product\n      status: $status\n      endingWithinDays: $endingWithinDays\n      windowOpen: $windowOpen\n      autoRenew: $autoRenew\n      trial: $trial\n      customerId: $customerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        skuTitle\n        productTitle\n        resellerName\n        customerName\n        quantity\n        term\n        billingPlan\n        status\n        autoRenew\n        trial\n        termEnd\n        renewsOn\n        windowClosesAt\n        windowHoursLeft\n        unitPrice {\n          amountMinor\n          currency\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.SubscriptionsDocument;
  '\n  query Subscription($id: ID!) {\n    subscription(id: $id) {\n      id\n      partnerSubscriptionId\n      resellerId\n      resellerName\n      customerId\n      customerName\n      orderId\n      productTitle\n      skuTitle\n      skuId\n      term\n      billingPlan\n      quantity\n      status\n      autoRenew\n      trial\n      termStart\n      termEnd\n      renewsOn\n      windowClosesAt\n      windowHoursLeft\n      renewing\n      changeCount\n      version\n      unitPrice {\n        amountMinor\n        currency\n        formatted\n      }\n      scheduledChange {\n        quantity\n        term\n        billingPlan\n        upgradeTo\n      }\n      batches {\n        id\n        kind\n        quantity\n        removed\n        startedAt\n        windowClosesAt\n        windowOpen\n        hoursLeft\n        current\n        unitPaid {\n          amountMinor\n          formatted\n        }\n      }\n      upgradeOptions {\n        productId\n        skuId\n        skuTitle\n        unitPrice {\n          formatted\n        }\n      }\n      nextTerm {\n        renewsOn\n        skuTitle\n        quantity\n        term\n        billingPlan\n        changesCloseAt\n        unitPrice {\n          formatted\n        }\n        firstCharge {\n          formatted\n        }\n      }\n      emails {\n        to\n        subject\n        createdAt\n      }\n      history {\n        id\n        at\n        kind\n        message\n        actorEmail\n      }\n      charges {\n        id\n        chargeType\n        quantity\n        at\n        chargeStart\n        chargeEnd\n        amount {\n          amountMinor\n          formatted\n        }\n      }\n    }\n  }\n': typeof types.SubscriptionDocument;
  '\n  fragment SubscriptionChangeOutcome on SubscriptionChangeResult {\n    __typename\n    ... on SubscriptionChanged {\n      replayed\n      amount {\n        amountMinor\n        formatted\n      }\n      subscription {\n        id\n        quantity\n        status\n        autoRenew\n        version\n      }\n    }\n    ... on BusinessError {\n      code\n      message\n      fix {\n        kind\n        label\n      }\n    }\n  }\n': typeof types.SubscriptionChangeOutcomeFragmentDoc;
  '\n  query RenewalCalendar($month: Code!) {\n    renewalCalendar(month: $month) {\n      __typename\n      ... on RenewalCalendar {\n        month\n        days {\n          day\n          autoRenew\n          subscriptions\n          seats\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n': typeof types.RenewalCalendarDocument;
  '\n  query SubscriptionQuote($id: ID!, $action: SubscriptionAction!, $quantity: Int!) {\n    subscriptionQuote(id: $id, action: $action, quantity: $quantity) {\n      allowed\n      wipesScheduledChanges\n      amount {\n        amountMinor\n        formatted\n      }\n      refusal {\n        code\n        message\n        fix {\n          label\n        }\n      }\n    }\n  }\n': typeof types.SubscriptionQuoteDocument;
  '\n  mutation AddSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    addSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.AddSubscriptionSeatsDocument;
  '\n  mutation RemoveSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    removeSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.RemoveSubscriptionSeatsDocument;
  '\n  mutation CancelSubscription($id: ID!, $key: Code!) {\n    cancelSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.CancelSubscriptionDocument;
  '\n  mutation SetSubscriptionAutoRenew($id: ID!, $autoRenew: Boolean!, $key: Code!) {\n    setSubscriptionAutoRenew(id: $id, autoRenew: $autoRenew, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.SetSubscriptionAutoRenewDocument;
  '\n  mutation ScheduleSubscriptionChange($id: ID!, $change: ScheduledChangeInput, $key: Code!) {\n    scheduleSubscriptionChange(id: $id, change: $change, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.ScheduleSubscriptionChangeDocument;
  '\n  mutation SuspendSubscription($id: ID!, $key: Code!) {\n    suspendSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.SuspendSubscriptionDocument;
  '\n  mutation ReactivateSubscription($id: ID!, $key: Code!) {\n    reactivateSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.ReactivateSubscriptionDocument;
  '\n  mutation ChangeSubscriptionTerm($id: ID!, $term: Term!, $key: Code!) {\n    changeSubscriptionTerm(id: $id, term: $term, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.ChangeSubscriptionTermDocument;
  '\n  mutation ChangeSubscriptionBilling($id: ID!, $billingPlan: BillingPlan!, $key: Code!) {\n    changeSubscriptionBilling(id: $id, billingPlan: $billingPlan, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.ChangeSubscriptionBillingDocument;
  '\n  mutation UpgradeSubscription($id: ID!, $productId: Code!, $skuId: Code!, $when: UpgradeTiming!, $key: Code!) {\n    upgradeSubscription(id: $id, productId: $productId, skuId: $skuId, when: $when, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n': typeof types.UpgradeSubscriptionDocument;
  '\n  query SupportQueue(\n    $resellerId: ID\n    $statuses: [Code!]\n    $type: Code\n    $search: ShortText\n    $sortBy: SupportCaseSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    supportCases(\n      resellerId: $resellerId\n      statuses: $statuses\n      type: $type\n      search: $search\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        customerName\n        number\n        subject\n        type\n        priority\n        status\n        ageHours\n        assigneeEmail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.SupportQueueDocument;
  '\n  query SupportCase($id: ID!) {\n    supportCase(id: $id) {\n      id\n      number\n      resellerId\n      customerId\n      orderId\n      type\n      priority\n      status\n      subject\n      assigneeEmail\n      openedByEmail\n      openedAt\n      ageHours\n      version\n      comments {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n': typeof types.SupportCaseDocument;
  '\n  mutation UpdateSupportCase($id: ID!, $version: Int!, $status: Code, $priority: Code, $assignToMe: Boolean) {\n    updateSupportCase(id: $id, version: $version, status: $status, priority: $priority, assignToMe: $assignToMe) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.UpdateSupportCaseDocument;
  '\n  mutation CommentSupportCase($id: ID!, $text: FreeText!) {\n    commentSupportCase(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n': typeof types.CommentSupportCaseDocument;
  '\n  mutation OpenSupportCase($resellerId: ID!, $input: NewCaseInput!) {\n    openSupportCase(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CaseSaved {\n        supportCase {\n          id\n          number\n        }\n      }\n      ...FieldProblems\n    }\n  }\n': typeof types.OpenSupportCaseDocument;
  '\n  query ReturnOptions($orderId: ID!, $quantities: [ReturnQuantityInput!]) {\n    returnOptions(orderId: $orderId, quantities: $quantities) {\n      refundQuantity\n      orderLineId\n      lineNumber\n      skuTitle\n      quantity\n      returnedQuantity\n      allowed\n      code\n      message\n      windowClosesAt\n      refund {\n        formatted\n      }\n    }\n  }\n': typeof types.ReturnOptionsDocument;
  '\n  mutation ReturnOrderLine($orderLineId: ID!, $quantity: Int!, $idempotencyKey: Code!, $caseId: ID) {\n    returnOrderLine(orderLineId: $orderLineId, quantity: $quantity, idempotencyKey: $idempotencyKey, caseId: $caseId) {\n      __typename\n      ... on ReturnDone {\n        creditNote {\n          number\n          amount {\n            formatted\n          }\n          refundMethod\n        }\n      }\n      ... on ReturnRefused {\n        code\n        message\n        windowClosedAt\n      }\n    }\n  }\n': typeof types.ReturnOrderLineDocument;
  '\n  query Invoice($orderId: ID!) {\n    invoice(orderId: $orderId) {\n      number\n      issuedAt\n      billTo\n      paymentMethod\n      poNumber\n      taxRateBasisPoints\n      pdfUrl\n      lines {\n        description\n        quantity\n        returnedQuantity\n        unitPrice {\n          formatted\n        }\n        total {\n          formatted\n        }\n      }\n      subtotal {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      total {\n        formatted\n      }\n      refunded {\n        formatted\n      }\n      netTotal {\n        formatted\n      }\n      creditNotes {\n        number\n        issuedAt\n        description\n        amount {\n          formatted\n        }\n        refundMethod\n        pdfUrl\n      }\n    }\n  }\n': typeof types.InvoiceDocument;
  '\n  mutation ResendInvoice($orderId: ID!) {\n    resendInvoice(orderId: $orderId)\n  }\n': typeof types.ResendInvoiceDocument;
  '\n  mutation SendPasswordReset($email: EmailText!) {\n    sendPasswordReset(email: $email) {\n      message\n    }\n  }\n': typeof types.SendPasswordResetDocument;
  '\n  mutation UnlockSignIn($email: EmailText!) {\n    unlockSignIn(email: $email) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n': typeof types.UnlockSignInDocument;
  '\n  query PortalLoginOwner($login: Code!) {\n    portalLoginOwner(login: $login) {\n      customer {\n        id\n        companyName\n      }\n      reseller {\n        id\n        companyName\n      }\n    }\n  }\n': typeof types.PortalLoginOwnerDocument;
  '\n  query TermsQueue(\n    $statuses: [Code!]\n    $search: ShortText\n    $resellerId: ID\n    $sortBy: TermsRequestSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    termsRequests(\n      statuses: $statuses\n      search: $search\n      resellerId: $resellerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        status\n        sla\n        ageHours\n        submittedAt\n        assigneeEmail\n        requestedLimit {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n': typeof types.TermsQueueDocument;
  '\n  query TermsRequest($id: ID!) {\n    termsRequest(id: $id) {\n      id\n      resellerId\n      status\n      marketplaceId\n      bcn\n      companyName\n      submittedAt\n      sla\n      ageHours\n      dueAt\n      assigneeEmail\n      requestedLimit {\n        amountMinor\n        currency\n        formatted\n      }\n      paymentTerms\n      effectiveFrom\n      decisionReason\n      decidedAt\n      decidedByEmail\n      version\n      creditLimit {\n        formatted\n      }\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      notes {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n': typeof types.TermsRequestDocument;
  '\n  mutation DecideTermsRequest($id: ID!, $version: Int!, $event: Code!, $comment: FreeText) {\n    decideTermsRequest(id: $id, version: $version, event: $event, comment: $comment) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.DecideTermsRequestDocument;
  '\n  mutation ApproveTermsRequest($id: ID!, $version: Int!, $input: TermsApprovalInput!) {\n    approveTermsRequest(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.ApproveTermsRequestDocument;
  '\n  mutation CommentTermsRequest($id: ID!, $text: FreeText!) {\n    commentTermsRequest(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n': typeof types.CommentTermsRequestDocument;
  '\n  mutation SubmitTermsRequest($resellerId: ID!, $input: TermsRequestInput!) {\n    submitTermsRequest(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on TermsRequestSaved {\n        request {\n          id\n          requestedLimit {\n            formatted\n          }\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n': typeof types.SubmitTermsRequestDocument;
  '\n  fragment CreditFigures on CreditStanding {\n    paymentTerms\n    limit {\n      formatted\n    }\n    used {\n      formatted\n    }\n    available {\n      formatted\n    }\n  }\n': typeof types.CreditFiguresFragmentDoc;
  '\n  query ResellerCredit($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n      ledger {\n        at\n        kind\n        note\n        amount {\n          formatted\n        }\n      }\n    }\n    termsRequests(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        status\n        submittedAt\n        decisionReason\n        requestedLimit {\n          formatted\n        }\n      }\n    }\n  }\n': typeof types.ResellerCreditDocument;
  '\n  query ResellerStanding($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n    }\n    orders(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        soNumber\n        status\n        placedAt\n        paymentMethod\n        total {\n          formatted\n        }\n      }\n    }\n  }\n': typeof types.ResellerStandingDocument;
};
const documents: Documents = {
  '\n  fragment FieldProblems on ValidationFailed {\n    fields {\n      field\n      message\n    }\n  }\n':
    types.FieldProblemsFragmentDoc,
  '\n  fragment Refusal on BusinessError {\n    code\n    message\n  }\n': types.RefusalFragmentDoc,
  '\n  query AuditEntries($filter: AuditFilterInput, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    auditEntries(filter: $filter, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actorKind\n        actorEmail\n        actorRoles\n        onBehalfOfResellerId\n        operation\n        entityType\n        entityId\n        entityName\n        requestId\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.AuditEntriesDocument,
  '\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: Cursor) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              id\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.CatalogProductsDocument,
  '\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n':
    types.CatalogMarketsDocument,
  '\n  query CatalogProduct($id: Code!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n':
    types.CatalogProductDocument,
  '\n  query Customers(\n    $resellerId: ID\n    $search: ShortText\n    $segment: CustomerSegment\n    $sortBy: CustomerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    customers(\n      resellerId: $resellerId\n      search: $search\n      segment: $segment\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        resellerId\n        companyName\n        segment\n        portalLogin\n        adminContact {\n          name\n          email\n        }\n        tenant {\n          domain\n          state\n          attestedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.CustomersDocument,
  '\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      resellerId\n      segment\n      companyName\n      vendorContractId\n      portalLogin\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      adminContact {\n        name\n        email\n        phone\n      }\n      tenant {\n        choice\n        domain\n        state\n        tenantId\n        adminUser\n        attestedAt\n        attestedByEmail\n      }\n    }\n    tenantChoices(customerId: $id) {\n      recommended\n      explanation\n      createNew {\n        allowed\n        code\n        message\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n':
    types.CustomerDocument,
  '\n  mutation CreateCustomer($resellerId: ID!, $input: CustomerInput!) {\n    createCustomer(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CustomerSaved {\n        customer {\n          id\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n':
    types.CreateCustomerDocument,
  '\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    updateCustomer(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n':
    types.UpdateCustomerDocument,
  '\n  mutation RevealPortalPassword($customerId: ID!) {\n    revealPortalPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n':
    types.RevealPortalPasswordDocument,
  '\n  mutation RevealTenantAdminPassword($customerId: ID!) {\n    revealTenantAdminPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n':
    types.RevealTenantAdminPasswordDocument,
  '\n  mutation ChooseNewTenant($customerId: ID!, $domain: Code!) {\n    chooseNewTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n':
    types.ChooseNewTenantDocument,
  '\n  mutation ChooseExistingTenant($customerId: ID!, $domain: Code!) {\n    chooseExistingTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n':
    types.ChooseExistingTenantDocument,
  '\n  mutation SignAttestation($customerId: ID!) {\n    signAttestation(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n':
    types.SignAttestationDocument,
  '\n  mutation CreateCustomerTenant($customerId: ID!) {\n    createCustomerTenant(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n':
    types.CreateCustomerTenantDocument,
  '\n  query ResellerOptions($search: ShortText) {\n    resellers(search: $search, first: 20) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n      }\n    }\n  }\n':
    types.ResellerOptionsDocument,
  '\n  query ResellerOption($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n    }\n  }\n':
    types.ResellerOptionDocument,
  '\n  mutation RegeneratePortalPassword($customerId: ID!) {\n    regeneratePortalPassword(customerId: $customerId)\n  }\n':
    types.RegeneratePortalPasswordDocument,
  '\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        topic\n        label\n        description\n        enabled\n      }\n    }\n  }\n':
    types.NotificationSettingsDocument,
  '\n  mutation SetNotificationSetting($topic: Code!, $enabled: Boolean!) {\n    setNotificationSetting(topic: $topic, enabled: $enabled) {\n      __typename\n      ... on NotificationSettingsSaved {\n        settings {\n          topic\n          enabled\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n':
    types.SetNotificationSettingDocument,
  '\n  query Me {\n    me {\n      id\n      email\n      displayName\n      kind\n      roles\n      permissions\n      resellerId\n    }\n  }\n':
    types.MeDocument,
  '\n  mutation SignIn($email: EmailText!, $password: Password!) {\n    signIn(email: $email, password: $password) {\n      __typename\n      ... on SignedIn {\n        me {\n          id\n          email\n          displayName\n          kind\n          roles\n          permissions\n          resellerId\n        }\n      }\n      ... on SignInFailed {\n        code\n        message\n        retryAfterSeconds\n      }\n    }\n  }\n':
    types.SignInDocument,
  '\n  mutation SignOut {\n    signOut\n  }\n': types.SignOutDocument,
  '\n  mutation ChangePassword($currentPassword: Password!, $newPassword: Password!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n':
    types.ChangePasswordDocument,
  '\n  mutation ResetPassword($token: Code!, $newPassword: Password!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n':
    types.ResetPasswordDocument,
  '\n  query Cart($resellerId: ID!) {\n    cart(resellerId: $resellerId) {\n      id\n      customerId\n      priceSegment\n      version\n      total {\n        amountMinor\n        formatted\n      }\n      lines {\n        id\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        maxQuantity\n        unitPrice {\n          amountMinor\n          formatted\n        }\n        currentUnitPrice {\n          amountMinor\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n      }\n    }\n  }\n':
    types.CartDocument,
  '\n  query PurchaseReadiness($resellerId: ID!, $paymentMethod: Code) {\n    purchaseReadiness(resellerId: $resellerId, paymentMethod: $paymentMethod) {\n      ready\n      paymentMethod\n      total {\n        formatted\n      }\n      checklist {\n        step\n        label\n        done\n      }\n      unmet {\n        step\n        code\n        message\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n    }\n  }\n':
    types.PurchaseReadinessDocument,
  '\n  mutation AddToCart($resellerId: ID!, $priceId: Int!) {\n    addToCart(resellerId: $resellerId, priceId: $priceId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n':
    types.AddToCartDocument,
  '\n  mutation SetCartQuantity($resellerId: ID!, $lineId: ID!, $quantity: Int!) {\n    setCartQuantity(resellerId: $resellerId, lineId: $lineId, quantity: $quantity) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n':
    types.SetCartQuantityDocument,
  '\n  mutation RemoveCartLine($resellerId: ID!, $lineId: ID!) {\n    removeCartLine(resellerId: $resellerId, lineId: $lineId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n':
    types.RemoveCartLineDocument,
  '\n  mutation BindCartCustomer($resellerId: ID!, $customerId: ID!) {\n    bindCartCustomer(resellerId: $resellerId, customerId: $customerId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n':
    types.BindCartCustomerDocument,
  '\n  mutation Buy($resellerId: ID!, $input: BuyInput!) {\n    buy(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on OrderPlaced {\n        replayed\n        order {\n          id\n          soNumber\n          total {\n            formatted\n          }\n        }\n      }\n      ... on PurchaseNotReady {\n        message\n        unmet {\n          code\n          message\n        }\n      }\n      ... on PricesChanged {\n        message\n        changes {\n          title\n          before {\n            formatted\n          }\n          after {\n            formatted\n          }\n        }\n      }\n      ... on BuyRefused {\n        code\n        message\n      }\n    }\n  }\n':
    types.BuyDocument,
  '\n  query Orders(\n    $resellerId: ID\n    $status: Code\n    $search: ShortText\n    $from: Code\n    $to: Code\n    $sortBy: OrderSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    orders(\n      resellerId: $resellerId\n      status: $status\n      search: $search\n      from: $from\n      to: $to\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        soNumber\n        resellerName\n        customerName\n        status\n        placedAt\n        total {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.OrdersDocument,
  '\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      soNumber\n      resellerId\n      resellerName\n      customerName\n      customerId\n      status\n      paymentMethod\n      poNumber\n      tenantDomain\n      placedAt\n      provisionedAt\n      failureReason\n      total {\n        formatted\n      }\n      lines {\n        lineNumber\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        subscriptionId\n        status\n      }\n      events {\n        at\n        state\n        message\n      }\n      emails {\n        id\n        to\n        subject\n        body\n        status\n        createdAt\n      }\n    }\n  }\n':
    types.OrderDocument,
  '\n  mutation RetryOrderProvisioning($orderId: ID!) {\n    retryOrderProvisioning(orderId: $orderId) {\n      message\n    }\n  }\n':
    types.RetryOrderProvisioningDocument,
  '\n  query PriceListImports($first: Int!, $after: Cursor) {\n    priceListImports(first: $first, after: $after) {\n      nodes {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.PriceListImportsDocument,
  '\n  query PriceListImport($id: ID!) {\n    priceListImport(id: $id) {\n      id\n      sourceName\n      status\n      rowsRead\n      rowsInserted\n      rowsUpdated\n      rowsUnchanged\n      errorLine\n      errorColumn\n      errorMessage\n      startedAt\n      finishedAt\n    }\n  }\n':
    types.PriceListImportDocument,
  '\n  mutation ImportPriceList($uploadId: ID!, $fileName: ShortText) {\n    importPriceList(uploadId: $uploadId, fileName: $fileName) {\n      __typename\n      ... on PriceListImport {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      ... on UploadNotFound {\n        code\n        message\n      }\n    }\n  }\n':
    types.ImportPriceListDocument,
  '\n  query PriceListUploads {\n    priceListUploads {\n      files\n      bytes\n      maxAgeHours\n    }\n  }\n':
    types.PriceListUploadsDocument,
  '\n  query Resellers(\n    $search: ShortText\n    $status: ResellerStatus\n    $sortBy: ResellerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    resellers(search: $search, status: $status, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        bcn\n        status\n        paymentMethod\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.ResellersDocument,
  '\n  query Reseller($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n      bcn\n      status\n      paymentMethod\n      mpnLocationId\n      resellerDomain\n      checksAt\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      checks {\n        code\n        label\n        status\n        reason\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n      activation {\n        status\n        requestedAt\n        completesAfter\n        completedAt\n      }\n      users {\n        id\n        email\n        displayName\n        active\n      }\n    }\n  }\n':
    types.ResellerDocument,
  '\n  mutation CreateReseller($input: ResellerInput!) {\n    createReseller(input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.CreateResellerDocument,
  '\n  mutation UpdateReseller($id: ID!, $version: Int!, $input: ResellerInput!) {\n    updateReseller(id: $id, version: $version, input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.UpdateResellerDocument,
  '\n  mutation SetResellerStatus($id: ID!, $version: Int!, $status: ResellerStatus!) {\n    setResellerStatus(id: $id, version: $version, status: $status) {\n      __typename\n      ... on ValidationFailed {\n        fields {\n          message\n        }\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n':
    types.SetResellerStatusDocument,
  '\n  mutation SetResellerIdentifiers($resellerId: ID!, $mpnLocationId: Code!, $resellerDomain: Code!) {\n    setResellerIdentifiers(resellerId: $resellerId, mpnLocationId: $mpnLocationId, resellerDomain: $resellerDomain) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.SetResellerIdentifiersDocument,
  '\n  mutation RunResellerChecks($resellerId: ID!) {\n    runResellerChecks(resellerId: $resellerId) {\n      checkedAt\n    }\n  }\n':
    types.RunResellerChecksDocument,
  '\n  mutation CreateResellerUser($resellerId: ID!, $email: EmailText!, $displayName: ShortText!) {\n    createResellerUser(resellerId: $resellerId, email: $email, displayName: $displayName) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n':
    types.CreateResellerUserDocument,
  '\n  query ResellerHistory($entityId: ShortText!) {\n    auditEntries(filter: { entityType: "Reseller", entityId: $entityId }, first: 20) {\n      nodes {\n        id\n        at\n        actorEmail\n        actorKind\n        operation\n        changes {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n':
    types.ResellerHistoryDocument,
  '\n  query Simulator {\n    simPartners {\n      mpnId\n      companyName\n      kind\n      cspIndirectReseller\n      relationshipWithDistributor\n      tenantDomain\n    }\n    simTenants {\n      domain\n      companyName\n      government\n      relationshipAccepted\n      indirectResellers\n      createdByMarketplace\n      provisioningFails\n      subscriptionChanges\n    }\n    distributorLinks {\n      customerAuthorisation\n    }\n  }\n':
    types.SimulatorDocument,
  '\n  mutation SaveSimPartner($input: SimPartnerInput!) {\n    saveSimPartner(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n':
    types.SaveSimPartnerDocument,
  '\n  mutation SaveSimTenant($input: SimTenantInput!) {\n    saveSimTenant(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n':
    types.SaveSimTenantDocument,
  '\n  mutation AcceptTenantRelationship($domain: Code!, $indirectReseller: Code) {\n    acceptTenantRelationship(domain: $domain, indirectReseller: $indirectReseller) {\n      __typename\n    }\n  }\n':
    types.AcceptTenantRelationshipDocument,
  '\n  query StaffUsers($search: ShortText, $sortBy: UserSort, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    staffUsers(search: $search, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        displayName\n        roles\n        active\n        createdAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.StaffUsersDocument,
  '\n  mutation CreateStaffUser($input: NewStaffUserInput!) {\n    createStaffUser(input: $input) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n        user {\n          id\n          email\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n':
    types.CreateStaffUserDocument,
  '\n  mutation UpdateStaffUser($input: StaffUserChangeInput!) {\n    updateStaffUser(input: $input) {\n      __typename\n      ... on StaffUserUpdated {\n        user {\n          id\n          displayName\n          roles\n          active\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.UpdateStaffUserDocument,
  '\n  mutation CreatePasswordReset($userId: ID!) {\n    createPasswordReset(userId: $userId) {\n      __typename\n      ... on PasswordResetCreated {\n        resetUrl\n        expiresAt\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n':
    types.CreatePasswordResetDocument,
  '\n  mutation UnlockSignInAddress($address: Code!) {\n    unlockSignInAddress(address: $address) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n':
    types.UnlockSignInAddressDocument,
  '\n  query Subscriptions(\n    $product: ShortText\n    $status: SubscriptionStatus\n    $endingWithinDays: Int\n    $windowOpen: Boolean\n    $autoRenew: Boolean\n    $trial: Boolean\n    $customerId: ID\n    $sortBy: SubscriptionSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    subscriptions(\n      product: $product\n      status: $status\n      endingWithinDays: $endingWithinDays\n      windowOpen: $windowOpen\n      autoRenew: $autoRenew\n      trial: $trial\n      customerId: $customerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        skuTitle\n        productTitle\n        resellerName\n        customerName\n        quantity\n        term\n        billingPlan\n        status\n        autoRenew\n        trial\n        termEnd\n        renewsOn\n        windowClosesAt\n        windowHoursLeft\n        unitPrice {\n          amountMinor\n          currency\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.SubscriptionsDocument,
  '\n  query Subscription($id: ID!) {\n    subscription(id: $id) {\n      id\n      partnerSubscriptionId\n      resellerId\n      resellerName\n      customerId\n      customerName\n      orderId\n      productTitle\n      skuTitle\n      skuId\n      term\n      billingPlan\n      quantity\n      status\n      autoRenew\n      trial\n      termStart\n      termEnd\n      renewsOn\n      windowClosesAt\n      windowHoursLeft\n      renewing\n      changeCount\n      version\n      unitPrice {\n        amountMinor\n        currency\n        formatted\n      }\n      scheduledChange {\n        quantity\n        term\n        billingPlan\n        upgradeTo\n      }\n      batches {\n        id\n        kind\n        quantity\n        removed\n        startedAt\n        windowClosesAt\n        windowOpen\n        hoursLeft\n        current\n        unitPaid {\n          amountMinor\n          formatted\n        }\n      }\n      upgradeOptions {\n        productId\n        skuId\n        skuTitle\n        unitPrice {\n          formatted\n        }\n      }\n      nextTerm {\n        renewsOn\n        skuTitle\n        quantity\n        term\n        billingPlan\n        changesCloseAt\n        unitPrice {\n          formatted\n        }\n        firstCharge {\n          formatted\n        }\n      }\n      emails {\n        to\n        subject\n        createdAt\n      }\n      history {\n        id\n        at\n        kind\n        message\n        actorEmail\n      }\n      charges {\n        id\n        chargeType\n        quantity\n        at\n        chargeStart\n        chargeEnd\n        amount {\n          amountMinor\n          formatted\n        }\n      }\n    }\n  }\n':
    types.SubscriptionDocument,
  '\n  fragment SubscriptionChangeOutcome on SubscriptionChangeResult {\n    __typename\n    ... on SubscriptionChanged {\n      replayed\n      amount {\n        amountMinor\n        formatted\n      }\n      subscription {\n        id\n        quantity\n        status\n        autoRenew\n        version\n      }\n    }\n    ... on BusinessError {\n      code\n      message\n      fix {\n        kind\n        label\n      }\n    }\n  }\n':
    types.SubscriptionChangeOutcomeFragmentDoc,
  '\n  query RenewalCalendar($month: Code!) {\n    renewalCalendar(month: $month) {\n      __typename\n      ... on RenewalCalendar {\n        month\n        days {\n          day\n          autoRenew\n          subscriptions\n          seats\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n':
    types.RenewalCalendarDocument,
  '\n  query SubscriptionQuote($id: ID!, $action: SubscriptionAction!, $quantity: Int!) {\n    subscriptionQuote(id: $id, action: $action, quantity: $quantity) {\n      allowed\n      wipesScheduledChanges\n      amount {\n        amountMinor\n        formatted\n      }\n      refusal {\n        code\n        message\n        fix {\n          label\n        }\n      }\n    }\n  }\n':
    types.SubscriptionQuoteDocument,
  '\n  mutation AddSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    addSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.AddSubscriptionSeatsDocument,
  '\n  mutation RemoveSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    removeSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.RemoveSubscriptionSeatsDocument,
  '\n  mutation CancelSubscription($id: ID!, $key: Code!) {\n    cancelSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.CancelSubscriptionDocument,
  '\n  mutation SetSubscriptionAutoRenew($id: ID!, $autoRenew: Boolean!, $key: Code!) {\n    setSubscriptionAutoRenew(id: $id, autoRenew: $autoRenew, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.SetSubscriptionAutoRenewDocument,
  '\n  mutation ScheduleSubscriptionChange($id: ID!, $change: ScheduledChangeInput, $key: Code!) {\n    scheduleSubscriptionChange(id: $id, change: $change, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.ScheduleSubscriptionChangeDocument,
  '\n  mutation SuspendSubscription($id: ID!, $key: Code!) {\n    suspendSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.SuspendSubscriptionDocument,
  '\n  mutation ReactivateSubscription($id: ID!, $key: Code!) {\n    reactivateSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.ReactivateSubscriptionDocument,
  '\n  mutation ChangeSubscriptionTerm($id: ID!, $term: Term!, $key: Code!) {\n    changeSubscriptionTerm(id: $id, term: $term, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.ChangeSubscriptionTermDocument,
  '\n  mutation ChangeSubscriptionBilling($id: ID!, $billingPlan: BillingPlan!, $key: Code!) {\n    changeSubscriptionBilling(id: $id, billingPlan: $billingPlan, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.ChangeSubscriptionBillingDocument,
  '\n  mutation UpgradeSubscription($id: ID!, $productId: Code!, $skuId: Code!, $when: UpgradeTiming!, $key: Code!) {\n    upgradeSubscription(id: $id, productId: $productId, skuId: $skuId, when: $when, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n':
    types.UpgradeSubscriptionDocument,
  '\n  query SupportQueue(\n    $resellerId: ID\n    $statuses: [Code!]\n    $type: Code\n    $search: ShortText\n    $sortBy: SupportCaseSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    supportCases(\n      resellerId: $resellerId\n      statuses: $statuses\n      type: $type\n      search: $search\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        customerName\n        number\n        subject\n        type\n        priority\n        status\n        ageHours\n        assigneeEmail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.SupportQueueDocument,
  '\n  query SupportCase($id: ID!) {\n    supportCase(id: $id) {\n      id\n      number\n      resellerId\n      customerId\n      orderId\n      type\n      priority\n      status\n      subject\n      assigneeEmail\n      openedByEmail\n      openedAt\n      ageHours\n      version\n      comments {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n':
    types.SupportCaseDocument,
  '\n  mutation UpdateSupportCase($id: ID!, $version: Int!, $status: Code, $priority: Code, $assignToMe: Boolean) {\n    updateSupportCase(id: $id, version: $version, status: $status, priority: $priority, assignToMe: $assignToMe) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.UpdateSupportCaseDocument,
  '\n  mutation CommentSupportCase($id: ID!, $text: FreeText!) {\n    commentSupportCase(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n':
    types.CommentSupportCaseDocument,
  '\n  mutation OpenSupportCase($resellerId: ID!, $input: NewCaseInput!) {\n    openSupportCase(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CaseSaved {\n        supportCase {\n          id\n          number\n        }\n      }\n      ...FieldProblems\n    }\n  }\n':
    types.OpenSupportCaseDocument,
  '\n  query ReturnOptions($orderId: ID!, $quantities: [ReturnQuantityInput!]) {\n    returnOptions(orderId: $orderId, quantities: $quantities) {\n      refundQuantity\n      orderLineId\n      lineNumber\n      skuTitle\n      quantity\n      returnedQuantity\n      allowed\n      code\n      message\n      windowClosesAt\n      refund {\n        formatted\n      }\n    }\n  }\n':
    types.ReturnOptionsDocument,
  '\n  mutation ReturnOrderLine($orderLineId: ID!, $quantity: Int!, $idempotencyKey: Code!, $caseId: ID) {\n    returnOrderLine(orderLineId: $orderLineId, quantity: $quantity, idempotencyKey: $idempotencyKey, caseId: $caseId) {\n      __typename\n      ... on ReturnDone {\n        creditNote {\n          number\n          amount {\n            formatted\n          }\n          refundMethod\n        }\n      }\n      ... on ReturnRefused {\n        code\n        message\n        windowClosedAt\n      }\n    }\n  }\n':
    types.ReturnOrderLineDocument,
  '\n  query Invoice($orderId: ID!) {\n    invoice(orderId: $orderId) {\n      number\n      issuedAt\n      billTo\n      paymentMethod\n      poNumber\n      taxRateBasisPoints\n      pdfUrl\n      lines {\n        description\n        quantity\n        returnedQuantity\n        unitPrice {\n          formatted\n        }\n        total {\n          formatted\n        }\n      }\n      subtotal {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      total {\n        formatted\n      }\n      refunded {\n        formatted\n      }\n      netTotal {\n        formatted\n      }\n      creditNotes {\n        number\n        issuedAt\n        description\n        amount {\n          formatted\n        }\n        refundMethod\n        pdfUrl\n      }\n    }\n  }\n':
    types.InvoiceDocument,
  '\n  mutation ResendInvoice($orderId: ID!) {\n    resendInvoice(orderId: $orderId)\n  }\n':
    types.ResendInvoiceDocument,
  '\n  mutation SendPasswordReset($email: EmailText!) {\n    sendPasswordReset(email: $email) {\n      message\n    }\n  }\n':
    types.SendPasswordResetDocument,
  '\n  mutation UnlockSignIn($email: EmailText!) {\n    unlockSignIn(email: $email) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n':
    types.UnlockSignInDocument,
  '\n  query PortalLoginOwner($login: Code!) {\n    portalLoginOwner(login: $login) {\n      customer {\n        id\n        companyName\n      }\n      reseller {\n        id\n        companyName\n      }\n    }\n  }\n':
    types.PortalLoginOwnerDocument,
  '\n  query TermsQueue(\n    $statuses: [Code!]\n    $search: ShortText\n    $resellerId: ID\n    $sortBy: TermsRequestSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    termsRequests(\n      statuses: $statuses\n      search: $search\n      resellerId: $resellerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        status\n        sla\n        ageHours\n        submittedAt\n        assigneeEmail\n        requestedLimit {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n':
    types.TermsQueueDocument,
  '\n  query TermsRequest($id: ID!) {\n    termsRequest(id: $id) {\n      id\n      resellerId\n      status\n      marketplaceId\n      bcn\n      companyName\n      submittedAt\n      sla\n      ageHours\n      dueAt\n      assigneeEmail\n      requestedLimit {\n        amountMinor\n        currency\n        formatted\n      }\n      paymentTerms\n      effectiveFrom\n      decisionReason\n      decidedAt\n      decidedByEmail\n      version\n      creditLimit {\n        formatted\n      }\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      notes {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n':
    types.TermsRequestDocument,
  '\n  mutation DecideTermsRequest($id: ID!, $version: Int!, $event: Code!, $comment: FreeText) {\n    decideTermsRequest(id: $id, version: $version, event: $event, comment: $comment) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.DecideTermsRequestDocument,
  '\n  mutation ApproveTermsRequest($id: ID!, $version: Int!, $input: TermsApprovalInput!) {\n    approveTermsRequest(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.ApproveTermsRequestDocument,
  '\n  mutation CommentTermsRequest($id: ID!, $text: FreeText!) {\n    commentTermsRequest(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n':
    types.CommentTermsRequestDocument,
  '\n  mutation SubmitTermsRequest($resellerId: ID!, $input: TermsRequestInput!) {\n    submitTermsRequest(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on TermsRequestSaved {\n        request {\n          id\n          requestedLimit {\n            formatted\n          }\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n':
    types.SubmitTermsRequestDocument,
  '\n  fragment CreditFigures on CreditStanding {\n    paymentTerms\n    limit {\n      formatted\n    }\n    used {\n      formatted\n    }\n    available {\n      formatted\n    }\n  }\n':
    types.CreditFiguresFragmentDoc,
  '\n  query ResellerCredit($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n      ledger {\n        at\n        kind\n        note\n        amount {\n          formatted\n        }\n      }\n    }\n    termsRequests(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        status\n        submittedAt\n        decisionReason\n        requestedLimit {\n          formatted\n        }\n      }\n    }\n  }\n':
    types.ResellerCreditDocument,
  '\n  query ResellerStanding($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n    }\n    orders(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        soNumber\n        status\n        placedAt\n        paymentMethod\n        total {\n          formatted\n        }\n      }\n    }\n  }\n':
    types.ResellerStandingDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment FieldProblems on ValidationFailed {\n    fields {\n      field\n      message\n    }\n  }\n',
): (typeof documents)['\n  fragment FieldProblems on ValidationFailed {\n    fields {\n      field\n      message\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment Refusal on BusinessError {\n    code\n    message\n  }\n',
): (typeof documents)['\n  fragment Refusal on BusinessError {\n    code\n    message\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditEntries($filter: AuditFilterInput, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    auditEntries(filter: $filter, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actorKind\n        actorEmail\n        actorRoles\n        onBehalfOfResellerId\n        operation\n        entityType\n        entityId\n        entityName\n        requestId\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AuditEntries($filter: AuditFilterInput, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    auditEntries(filter: $filter, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actorKind\n        actorEmail\n        actorRoles\n        onBehalfOfResellerId\n        operation\n        entityType\n        entityId\n        entityName\n        requestId\n        changes {\n          field\n          before\n          after\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: Cursor) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              id\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CatalogProducts($filter: CatalogFilterInput!, $first: Int!, $after: Cursor) {\n    catalogProducts(filter: $filter, first: $first, after: $after) {\n      priceSegment\n      market\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          title\n          publisher\n          kind\n          skus {\n            id\n            skuId\n            title\n            prices {\n              id\n              term\n              billingPlan\n              unitPrice {\n                amountMinor\n                currency\n                formatted\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n',
): (typeof documents)['\n  query CatalogMarkets {\n    catalogMarkets {\n      market\n      currency\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CatalogProduct($id: Code!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CatalogProduct($id: Code!, $filter: CatalogFilterInput!) {\n    catalogProduct(id: $id, filter: $filter) {\n      id\n      title\n      publisher\n      description\n      kind\n      skus {\n        id\n        skuId\n        title\n        description\n        unitOfMeasure\n        prices {\n          id\n          segment\n          market\n          term\n          billingPlan\n          tierMin\n          tierMax\n          effectiveStart\n          effectiveEnd\n          changeIndicator\n          unitPrice {\n            formatted\n          }\n          erpPrice {\n            formatted\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Customers(\n    $resellerId: ID\n    $search: ShortText\n    $segment: CustomerSegment\n    $sortBy: CustomerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    customers(\n      resellerId: $resellerId\n      search: $search\n      segment: $segment\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        resellerId\n        companyName\n        segment\n        portalLogin\n        adminContact {\n          name\n          email\n        }\n        tenant {\n          domain\n          state\n          attestedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Customers(\n    $resellerId: ID\n    $search: ShortText\n    $segment: CustomerSegment\n    $sortBy: CustomerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    customers(\n      resellerId: $resellerId\n      search: $search\n      segment: $segment\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        resellerId\n        companyName\n        segment\n        portalLogin\n        adminContact {\n          name\n          email\n        }\n        tenant {\n          domain\n          state\n          attestedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      resellerId\n      segment\n      companyName\n      vendorContractId\n      portalLogin\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      adminContact {\n        name\n        email\n        phone\n      }\n      tenant {\n        choice\n        domain\n        state\n        tenantId\n        adminUser\n        attestedAt\n        attestedByEmail\n      }\n    }\n    tenantChoices(customerId: $id) {\n      recommended\n      explanation\n      createNew {\n        allowed\n        code\n        message\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      id\n      resellerId\n      segment\n      companyName\n      vendorContractId\n      portalLogin\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      adminContact {\n        name\n        email\n        phone\n      }\n      tenant {\n        choice\n        domain\n        state\n        tenantId\n        adminUser\n        attestedAt\n        attestedByEmail\n      }\n    }\n    tenantChoices(customerId: $id) {\n      recommended\n      explanation\n      createNew {\n        allowed\n        code\n        message\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateCustomer($resellerId: ID!, $input: CustomerInput!) {\n    createCustomer(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CustomerSaved {\n        customer {\n          id\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateCustomer($resellerId: ID!, $input: CustomerInput!) {\n    createCustomer(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CustomerSaved {\n        customer {\n          id\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    updateCustomer(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateCustomer($id: ID!, $version: Int!, $input: CustomerInput!) {\n    updateCustomer(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevealPortalPassword($customerId: ID!) {\n    revealPortalPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n',
): (typeof documents)['\n  mutation RevealPortalPassword($customerId: ID!) {\n    revealPortalPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevealTenantAdminPassword($customerId: ID!) {\n    revealTenantAdminPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n',
): (typeof documents)['\n  mutation RevealTenantAdminPassword($customerId: ID!) {\n    revealTenantAdminPassword(customerId: $customerId) {\n      user\n      value\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChooseNewTenant($customerId: ID!, $domain: Code!) {\n    chooseNewTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ChooseNewTenant($customerId: ID!, $domain: Code!) {\n    chooseNewTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChooseExistingTenant($customerId: ID!, $domain: Code!) {\n    chooseExistingTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ChooseExistingTenant($customerId: ID!, $domain: Code!) {\n    chooseExistingTenant(customerId: $customerId, domain: $domain) {\n      __typename\n      ... on TenantRefused {\n        code\n        message\n        suggestions\n        fix {\n          label\n          href\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignAttestation($customerId: ID!) {\n    signAttestation(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SignAttestation($customerId: ID!) {\n    signAttestation(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateCustomerTenant($customerId: ID!) {\n    createCustomerTenant(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateCustomerTenant($customerId: ID!) {\n    createCustomerTenant(customerId: $customerId) {\n      __typename\n      ... on TenantRefused {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ResellerOptions($search: ShortText) {\n    resellers(search: $search, first: 20) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ResellerOptions($search: ShortText) {\n    resellers(search: $search, first: 20) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ResellerOption($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n    }\n  }\n',
): (typeof documents)['\n  query ResellerOption($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RegeneratePortalPassword($customerId: ID!) {\n    regeneratePortalPassword(customerId: $customerId)\n  }\n',
): (typeof documents)['\n  mutation RegeneratePortalPassword($customerId: ID!) {\n    regeneratePortalPassword(customerId: $customerId)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        topic\n        label\n        description\n        enabled\n      }\n    }\n  }\n',
): (typeof documents)['\n  query NotificationSettings {\n    me {\n      id\n      notificationSettings {\n        topic\n        label\n        description\n        enabled\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetNotificationSetting($topic: Code!, $enabled: Boolean!) {\n    setNotificationSetting(topic: $topic, enabled: $enabled) {\n      __typename\n      ... on NotificationSettingsSaved {\n        settings {\n          topic\n          enabled\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SetNotificationSetting($topic: Code!, $enabled: Boolean!) {\n    setNotificationSetting(topic: $topic, enabled: $enabled) {\n      __typename\n      ... on NotificationSettingsSaved {\n        settings {\n          topic\n          enabled\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      id\n      email\n      displayName\n      kind\n      roles\n      permissions\n      resellerId\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      id\n      email\n      displayName\n      kind\n      roles\n      permissions\n      resellerId\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignIn($email: EmailText!, $password: Password!) {\n    signIn(email: $email, password: $password) {\n      __typename\n      ... on SignedIn {\n        me {\n          id\n          email\n          displayName\n          kind\n          roles\n          permissions\n          resellerId\n        }\n      }\n      ... on SignInFailed {\n        code\n        message\n        retryAfterSeconds\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SignIn($email: EmailText!, $password: Password!) {\n    signIn(email: $email, password: $password) {\n      __typename\n      ... on SignedIn {\n        me {\n          id\n          email\n          displayName\n          kind\n          roles\n          permissions\n          resellerId\n        }\n      }\n      ... on SignInFailed {\n        code\n        message\n        retryAfterSeconds\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignOut {\n    signOut\n  }\n',
): (typeof documents)['\n  mutation SignOut {\n    signOut\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: Password!, $newPassword: Password!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($currentPassword: Password!, $newPassword: Password!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($token: Code!, $newPassword: Password!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResetPassword($token: Code!, $newPassword: Password!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      __typename\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n          label\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Cart($resellerId: ID!) {\n    cart(resellerId: $resellerId) {\n      id\n      customerId\n      priceSegment\n      version\n      total {\n        amountMinor\n        formatted\n      }\n      lines {\n        id\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        maxQuantity\n        unitPrice {\n          amountMinor\n          formatted\n        }\n        currentUnitPrice {\n          amountMinor\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Cart($resellerId: ID!) {\n    cart(resellerId: $resellerId) {\n      id\n      customerId\n      priceSegment\n      version\n      total {\n        amountMinor\n        formatted\n      }\n      lines {\n        id\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        maxQuantity\n        unitPrice {\n          amountMinor\n          formatted\n        }\n        currentUnitPrice {\n          amountMinor\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PurchaseReadiness($resellerId: ID!, $paymentMethod: Code) {\n    purchaseReadiness(resellerId: $resellerId, paymentMethod: $paymentMethod) {\n      ready\n      paymentMethod\n      total {\n        formatted\n      }\n      checklist {\n        step\n        label\n        done\n      }\n      unmet {\n        step\n        code\n        message\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PurchaseReadiness($resellerId: ID!, $paymentMethod: Code) {\n    purchaseReadiness(resellerId: $resellerId, paymentMethod: $paymentMethod) {\n      ready\n      paymentMethod\n      total {\n        formatted\n      }\n      checklist {\n        step\n        label\n        done\n      }\n      unmet {\n        step\n        code\n        message\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddToCart($resellerId: ID!, $priceId: Int!) {\n    addToCart(resellerId: $resellerId, priceId: $priceId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AddToCart($resellerId: ID!, $priceId: Int!) {\n    addToCart(resellerId: $resellerId, priceId: $priceId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCartQuantity($resellerId: ID!, $lineId: ID!, $quantity: Int!) {\n    setCartQuantity(resellerId: $resellerId, lineId: $lineId, quantity: $quantity) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SetCartQuantity($resellerId: ID!, $lineId: ID!, $quantity: Int!) {\n    setCartQuantity(resellerId: $resellerId, lineId: $lineId, quantity: $quantity) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveCartLine($resellerId: ID!, $lineId: ID!) {\n    removeCartLine(resellerId: $resellerId, lineId: $lineId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RemoveCartLine($resellerId: ID!, $lineId: ID!) {\n    removeCartLine(resellerId: $resellerId, lineId: $lineId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation BindCartCustomer($resellerId: ID!, $customerId: ID!) {\n    bindCartCustomer(resellerId: $resellerId, customerId: $customerId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation BindCartCustomer($resellerId: ID!, $customerId: ID!) {\n    bindCartCustomer(resellerId: $resellerId, customerId: $customerId) {\n      __typename\n      ... on CartRefused {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Buy($resellerId: ID!, $input: BuyInput!) {\n    buy(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on OrderPlaced {\n        replayed\n        order {\n          id\n          soNumber\n          total {\n            formatted\n          }\n        }\n      }\n      ... on PurchaseNotReady {\n        message\n        unmet {\n          code\n          message\n        }\n      }\n      ... on PricesChanged {\n        message\n        changes {\n          title\n          before {\n            formatted\n          }\n          after {\n            formatted\n          }\n        }\n      }\n      ... on BuyRefused {\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Buy($resellerId: ID!, $input: BuyInput!) {\n    buy(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on OrderPlaced {\n        replayed\n        order {\n          id\n          soNumber\n          total {\n            formatted\n          }\n        }\n      }\n      ... on PurchaseNotReady {\n        message\n        unmet {\n          code\n          message\n        }\n      }\n      ... on PricesChanged {\n        message\n        changes {\n          title\n          before {\n            formatted\n          }\n          after {\n            formatted\n          }\n        }\n      }\n      ... on BuyRefused {\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Orders(\n    $resellerId: ID\n    $status: Code\n    $search: ShortText\n    $from: Code\n    $to: Code\n    $sortBy: OrderSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    orders(\n      resellerId: $resellerId\n      status: $status\n      search: $search\n      from: $from\n      to: $to\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        soNumber\n        resellerName\n        customerName\n        status\n        placedAt\n        total {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Orders(\n    $resellerId: ID\n    $status: Code\n    $search: ShortText\n    $from: Code\n    $to: Code\n    $sortBy: OrderSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    orders(\n      resellerId: $resellerId\n      status: $status\n      search: $search\n      from: $from\n      to: $to\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        soNumber\n        resellerName\n        customerName\n        status\n        placedAt\n        total {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      soNumber\n      resellerId\n      resellerName\n      customerName\n      customerId\n      status\n      paymentMethod\n      poNumber\n      tenantDomain\n      placedAt\n      provisionedAt\n      failureReason\n      total {\n        formatted\n      }\n      lines {\n        lineNumber\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        subscriptionId\n        status\n      }\n      events {\n        at\n        state\n        message\n      }\n      emails {\n        id\n        to\n        subject\n        body\n        status\n        createdAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Order($id: ID!) {\n    order(id: $id) {\n      id\n      soNumber\n      resellerId\n      resellerName\n      customerName\n      customerId\n      status\n      paymentMethod\n      poNumber\n      tenantDomain\n      placedAt\n      provisionedAt\n      failureReason\n      total {\n        formatted\n      }\n      lines {\n        lineNumber\n        productTitle\n        skuTitle\n        term\n        billingPlan\n        quantity\n        unitPrice {\n          formatted\n        }\n        lineTotal {\n          formatted\n        }\n        subscriptionId\n        status\n      }\n      events {\n        at\n        state\n        message\n      }\n      emails {\n        id\n        to\n        subject\n        body\n        status\n        createdAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RetryOrderProvisioning($orderId: ID!) {\n    retryOrderProvisioning(orderId: $orderId) {\n      message\n    }\n  }\n',
): (typeof documents)['\n  mutation RetryOrderProvisioning($orderId: ID!) {\n    retryOrderProvisioning(orderId: $orderId) {\n      message\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceListImports($first: Int!, $after: Cursor) {\n    priceListImports(first: $first, after: $after) {\n      nodes {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PriceListImports($first: Int!, $after: Cursor) {\n    priceListImports(first: $first, after: $after) {\n      nodes {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceListImport($id: ID!) {\n    priceListImport(id: $id) {\n      id\n      sourceName\n      status\n      rowsRead\n      rowsInserted\n      rowsUpdated\n      rowsUnchanged\n      errorLine\n      errorColumn\n      errorMessage\n      startedAt\n      finishedAt\n    }\n  }\n',
): (typeof documents)['\n  query PriceListImport($id: ID!) {\n    priceListImport(id: $id) {\n      id\n      sourceName\n      status\n      rowsRead\n      rowsInserted\n      rowsUpdated\n      rowsUnchanged\n      errorLine\n      errorColumn\n      errorMessage\n      startedAt\n      finishedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ImportPriceList($uploadId: ID!, $fileName: ShortText) {\n    importPriceList(uploadId: $uploadId, fileName: $fileName) {\n      __typename\n      ... on PriceListImport {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      ... on UploadNotFound {\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ImportPriceList($uploadId: ID!, $fileName: ShortText) {\n    importPriceList(uploadId: $uploadId, fileName: $fileName) {\n      __typename\n      ... on PriceListImport {\n        id\n        sourceName\n        status\n        rowsRead\n        rowsInserted\n        rowsUpdated\n        rowsUnchanged\n        errorLine\n        errorColumn\n        errorMessage\n        startedAt\n        finishedAt\n      }\n      ... on UploadNotFound {\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PriceListUploads {\n    priceListUploads {\n      files\n      bytes\n      maxAgeHours\n    }\n  }\n',
): (typeof documents)['\n  query PriceListUploads {\n    priceListUploads {\n      files\n      bytes\n      maxAgeHours\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Resellers(\n    $search: ShortText\n    $status: ResellerStatus\n    $sortBy: ResellerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    resellers(search: $search, status: $status, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        bcn\n        status\n        paymentMethod\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Resellers(\n    $search: ShortText\n    $status: ResellerStatus\n    $sortBy: ResellerSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    resellers(search: $search, status: $status, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        bcn\n        status\n        paymentMethod\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Reseller($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n      bcn\n      status\n      paymentMethod\n      mpnLocationId\n      resellerDomain\n      checksAt\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      checks {\n        code\n        label\n        status\n        reason\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n      activation {\n        status\n        requestedAt\n        completesAfter\n        completedAt\n      }\n      users {\n        id\n        email\n        displayName\n        active\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Reseller($id: ID!) {\n    reseller(id: $id) {\n      id\n      companyName\n      marketplaceId\n      bcn\n      status\n      paymentMethod\n      mpnLocationId\n      resellerDomain\n      checksAt\n      createdAt\n      version\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      checks {\n        code\n        label\n        status\n        reason\n        fix {\n          kind\n          label\n          href\n          field\n        }\n      }\n      activation {\n        status\n        requestedAt\n        completesAfter\n        completedAt\n      }\n      users {\n        id\n        email\n        displayName\n        active\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateReseller($input: ResellerInput!) {\n    createReseller(input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateReseller($input: ResellerInput!) {\n    createReseller(input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateReseller($id: ID!, $version: Int!, $input: ResellerInput!) {\n    updateReseller(id: $id, version: $version, input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateReseller($id: ID!, $version: Int!, $input: ResellerInput!) {\n    updateReseller(id: $id, version: $version, input: $input) {\n      __typename\n      ... on ResellerSaved {\n        reseller {\n          id\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetResellerStatus($id: ID!, $version: Int!, $status: ResellerStatus!) {\n    setResellerStatus(id: $id, version: $version, status: $status) {\n      __typename\n      ... on ValidationFailed {\n        fields {\n          message\n        }\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SetResellerStatus($id: ID!, $version: Int!, $status: ResellerStatus!) {\n    setResellerStatus(id: $id, version: $version, status: $status) {\n      __typename\n      ... on ValidationFailed {\n        fields {\n          message\n        }\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetResellerIdentifiers($resellerId: ID!, $mpnLocationId: Code!, $resellerDomain: Code!) {\n    setResellerIdentifiers(resellerId: $resellerId, mpnLocationId: $mpnLocationId, resellerDomain: $resellerDomain) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation SetResellerIdentifiers($resellerId: ID!, $mpnLocationId: Code!, $resellerDomain: Code!) {\n    setResellerIdentifiers(resellerId: $resellerId, mpnLocationId: $mpnLocationId, resellerDomain: $resellerDomain) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RunResellerChecks($resellerId: ID!) {\n    runResellerChecks(resellerId: $resellerId) {\n      checkedAt\n    }\n  }\n',
): (typeof documents)['\n  mutation RunResellerChecks($resellerId: ID!) {\n    runResellerChecks(resellerId: $resellerId) {\n      checkedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateResellerUser($resellerId: ID!, $email: EmailText!, $displayName: ShortText!) {\n    createResellerUser(resellerId: $resellerId, email: $email, displayName: $displayName) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateResellerUser($resellerId: ID!, $email: EmailText!, $displayName: ShortText!) {\n    createResellerUser(resellerId: $resellerId, email: $email, displayName: $displayName) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ResellerHistory($entityId: ShortText!) {\n    auditEntries(filter: { entityType: "Reseller", entityId: $entityId }, first: 20) {\n      nodes {\n        id\n        at\n        actorEmail\n        actorKind\n        operation\n        changes {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ResellerHistory($entityId: ShortText!) {\n    auditEntries(filter: { entityType: "Reseller", entityId: $entityId }, first: 20) {\n      nodes {\n        id\n        at\n        actorEmail\n        actorKind\n        operation\n        changes {\n          field\n          before\n          after\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Simulator {\n    simPartners {\n      mpnId\n      companyName\n      kind\n      cspIndirectReseller\n      relationshipWithDistributor\n      tenantDomain\n    }\n    simTenants {\n      domain\n      companyName\n      government\n      relationshipAccepted\n      indirectResellers\n      createdByMarketplace\n      provisioningFails\n      subscriptionChanges\n    }\n    distributorLinks {\n      customerAuthorisation\n    }\n  }\n',
): (typeof documents)['\n  query Simulator {\n    simPartners {\n      mpnId\n      companyName\n      kind\n      cspIndirectReseller\n      relationshipWithDistributor\n      tenantDomain\n    }\n    simTenants {\n      domain\n      companyName\n      government\n      relationshipAccepted\n      indirectResellers\n      createdByMarketplace\n      provisioningFails\n      subscriptionChanges\n    }\n    distributorLinks {\n      customerAuthorisation\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveSimPartner($input: SimPartnerInput!) {\n    saveSimPartner(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveSimPartner($input: SimPartnerInput!) {\n    saveSimPartner(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SaveSimTenant($input: SimTenantInput!) {\n    saveSimTenant(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n',
): (typeof documents)['\n  mutation SaveSimTenant($input: SimTenantInput!) {\n    saveSimTenant(input: $input) {\n      __typename\n      ...FieldProblems\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AcceptTenantRelationship($domain: Code!, $indirectReseller: Code) {\n    acceptTenantRelationship(domain: $domain, indirectReseller: $indirectReseller) {\n      __typename\n    }\n  }\n',
): (typeof documents)['\n  mutation AcceptTenantRelationship($domain: Code!, $indirectReseller: Code) {\n    acceptTenantRelationship(domain: $domain, indirectReseller: $indirectReseller) {\n      __typename\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query StaffUsers($search: ShortText, $sortBy: UserSort, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    staffUsers(search: $search, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        displayName\n        roles\n        active\n        createdAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query StaffUsers($search: ShortText, $sortBy: UserSort, $direction: SortDirection, $first: Int!, $after: Cursor) {\n    staffUsers(search: $search, sortBy: $sortBy, direction: $direction, first: $first, after: $after) {\n      nodes {\n        id\n        email\n        displayName\n        roles\n        active\n        createdAt\n        version\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateStaffUser($input: NewStaffUserInput!) {\n    createStaffUser(input: $input) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n        user {\n          id\n          email\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateStaffUser($input: NewStaffUserInput!) {\n    createStaffUser(input: $input) {\n      __typename\n      ... on UserCreated {\n        resetUrl\n        user {\n          id\n          email\n        }\n      }\n      ...FieldProblems\n      ... on BusinessError {\n        code\n        message\n        fix {\n          field\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateStaffUser($input: StaffUserChangeInput!) {\n    updateStaffUser(input: $input) {\n      __typename\n      ... on StaffUserUpdated {\n        user {\n          id\n          displayName\n          roles\n          active\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateStaffUser($input: StaffUserChangeInput!) {\n    updateStaffUser(input: $input) {\n      __typename\n      ... on StaffUserUpdated {\n        user {\n          id\n          displayName\n          roles\n          active\n          version\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreatePasswordReset($userId: ID!) {\n    createPasswordReset(userId: $userId) {\n      __typename\n      ... on PasswordResetCreated {\n        resetUrl\n        expiresAt\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreatePasswordReset($userId: ID!) {\n    createPasswordReset(userId: $userId) {\n      __typename\n      ... on PasswordResetCreated {\n        resetUrl\n        expiresAt\n      }\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UnlockSignInAddress($address: Code!) {\n    unlockSignInAddress(address: $address) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UnlockSignInAddress($address: Code!) {\n    unlockSignInAddress(address: $address) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Subscriptions(\n    $product: ShortText\n    $status: SubscriptionStatus\n    $endingWithinDays: Int\n    $windowOpen: Boolean\n    $autoRenew: Boolean\n    $trial: Boolean\n    $customerId: ID\n    $sortBy: SubscriptionSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    subscriptions(\n      product: $product\n      status: $status\n      endingWithinDays: $endingWithinDays\n      windowOpen: $windowOpen\n      autoRenew: $autoRenew\n      trial: $trial\n      customerId: $customerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        skuTitle\n        productTitle\n        resellerName\n        customerName\n        quantity\n        term\n        billingPlan\n        status\n        autoRenew\n        trial\n        termEnd\n        renewsOn\n        windowClosesAt\n        windowHoursLeft\n        unitPrice {\n          amountMinor\n          currency\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Subscriptions(\n    $product: ShortText\n    $status: SubscriptionStatus\n    $endingWithinDays: Int\n    $windowOpen: Boolean\n    $autoRenew: Boolean\n    $trial: Boolean\n    $customerId: ID\n    $sortBy: SubscriptionSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    subscriptions(\n      product: $product\n      status: $status\n      endingWithinDays: $endingWithinDays\n      windowOpen: $windowOpen\n      autoRenew: $autoRenew\n      trial: $trial\n      customerId: $customerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        skuTitle\n        productTitle\n        resellerName\n        customerName\n        quantity\n        term\n        billingPlan\n        status\n        autoRenew\n        trial\n        termEnd\n        renewsOn\n        windowClosesAt\n        windowHoursLeft\n        unitPrice {\n          amountMinor\n          currency\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Subscription($id: ID!) {\n    subscription(id: $id) {\n      id\n      partnerSubscriptionId\n      resellerId\n      resellerName\n      customerId\n      customerName\n      orderId\n      productTitle\n      skuTitle\n      skuId\n      term\n      billingPlan\n      quantity\n      status\n      autoRenew\n      trial\n      termStart\n      termEnd\n      renewsOn\n      windowClosesAt\n      windowHoursLeft\n      renewing\n      changeCount\n      version\n      unitPrice {\n        amountMinor\n        currency\n        formatted\n      }\n      scheduledChange {\n        quantity\n        term\n        billingPlan\n        upgradeTo\n      }\n      batches {\n        id\n        kind\n        quantity\n        removed\n        startedAt\n        windowClosesAt\n        windowOpen\n        hoursLeft\n        current\n        unitPaid {\n          amountMinor\n          formatted\n        }\n      }\n      upgradeOptions {\n        productId\n        skuId\n        skuTitle\n        unitPrice {\n          formatted\n        }\n      }\n      nextTerm {\n        renewsOn\n        skuTitle\n        quantity\n        term\n        billingPlan\n        changesCloseAt\n        unitPrice {\n          formatted\n        }\n        firstCharge {\n          formatted\n        }\n      }\n      emails {\n        to\n        subject\n        createdAt\n      }\n      history {\n        id\n        at\n        kind\n        message\n        actorEmail\n      }\n      charges {\n        id\n        chargeType\n        quantity\n        at\n        chargeStart\n        chargeEnd\n        amount {\n          amountMinor\n          formatted\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Subscription($id: ID!) {\n    subscription(id: $id) {\n      id\n      partnerSubscriptionId\n      resellerId\n      resellerName\n      customerId\n      customerName\n      orderId\n      productTitle\n      skuTitle\n      skuId\n      term\n      billingPlan\n      quantity\n      status\n      autoRenew\n      trial\n      termStart\n      termEnd\n      renewsOn\n      windowClosesAt\n      windowHoursLeft\n      renewing\n      changeCount\n      version\n      unitPrice {\n        amountMinor\n        currency\n        formatted\n      }\n      scheduledChange {\n        quantity\n        term\n        billingPlan\n        upgradeTo\n      }\n      batches {\n        id\n        kind\n        quantity\n        removed\n        startedAt\n        windowClosesAt\n        windowOpen\n        hoursLeft\n        current\n        unitPaid {\n          amountMinor\n          formatted\n        }\n      }\n      upgradeOptions {\n        productId\n        skuId\n        skuTitle\n        unitPrice {\n          formatted\n        }\n      }\n      nextTerm {\n        renewsOn\n        skuTitle\n        quantity\n        term\n        billingPlan\n        changesCloseAt\n        unitPrice {\n          formatted\n        }\n        firstCharge {\n          formatted\n        }\n      }\n      emails {\n        to\n        subject\n        createdAt\n      }\n      history {\n        id\n        at\n        kind\n        message\n        actorEmail\n      }\n      charges {\n        id\n        chargeType\n        quantity\n        at\n        chargeStart\n        chargeEnd\n        amount {\n          amountMinor\n          formatted\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SubscriptionChangeOutcome on SubscriptionChangeResult {\n    __typename\n    ... on SubscriptionChanged {\n      replayed\n      amount {\n        amountMinor\n        formatted\n      }\n      subscription {\n        id\n        quantity\n        status\n        autoRenew\n        version\n      }\n    }\n    ... on BusinessError {\n      code\n      message\n      fix {\n        kind\n        label\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment SubscriptionChangeOutcome on SubscriptionChangeResult {\n    __typename\n    ... on SubscriptionChanged {\n      replayed\n      amount {\n        amountMinor\n        formatted\n      }\n      subscription {\n        id\n        quantity\n        status\n        autoRenew\n        version\n      }\n    }\n    ... on BusinessError {\n      code\n      message\n      fix {\n        kind\n        label\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query RenewalCalendar($month: Code!) {\n    renewalCalendar(month: $month) {\n      __typename\n      ... on RenewalCalendar {\n        month\n        days {\n          day\n          autoRenew\n          subscriptions\n          seats\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  query RenewalCalendar($month: Code!) {\n    renewalCalendar(month: $month) {\n      __typename\n      ... on RenewalCalendar {\n        month\n        days {\n          day\n          autoRenew\n          subscriptions\n          seats\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n      }\n      ... on ValidationFailed {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SubscriptionQuote($id: ID!, $action: SubscriptionAction!, $quantity: Int!) {\n    subscriptionQuote(id: $id, action: $action, quantity: $quantity) {\n      allowed\n      wipesScheduledChanges\n      amount {\n        amountMinor\n        formatted\n      }\n      refusal {\n        code\n        message\n        fix {\n          label\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SubscriptionQuote($id: ID!, $action: SubscriptionAction!, $quantity: Int!) {\n    subscriptionQuote(id: $id, action: $action, quantity: $quantity) {\n      allowed\n      wipesScheduledChanges\n      amount {\n        amountMinor\n        formatted\n      }\n      refusal {\n        code\n        message\n        fix {\n          label\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    addSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation AddSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    addSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    removeSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation RemoveSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {\n    removeSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelSubscription($id: ID!, $key: Code!) {\n    cancelSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation CancelSubscription($id: ID!, $key: Code!) {\n    cancelSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetSubscriptionAutoRenew($id: ID!, $autoRenew: Boolean!, $key: Code!) {\n    setSubscriptionAutoRenew(id: $id, autoRenew: $autoRenew, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation SetSubscriptionAutoRenew($id: ID!, $autoRenew: Boolean!, $key: Code!) {\n    setSubscriptionAutoRenew(id: $id, autoRenew: $autoRenew, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ScheduleSubscriptionChange($id: ID!, $change: ScheduledChangeInput, $key: Code!) {\n    scheduleSubscriptionChange(id: $id, change: $change, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation ScheduleSubscriptionChange($id: ID!, $change: ScheduledChangeInput, $key: Code!) {\n    scheduleSubscriptionChange(id: $id, change: $change, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SuspendSubscription($id: ID!, $key: Code!) {\n    suspendSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation SuspendSubscription($id: ID!, $key: Code!) {\n    suspendSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReactivateSubscription($id: ID!, $key: Code!) {\n    reactivateSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation ReactivateSubscription($id: ID!, $key: Code!) {\n    reactivateSubscription(id: $id, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangeSubscriptionTerm($id: ID!, $term: Term!, $key: Code!) {\n    changeSubscriptionTerm(id: $id, term: $term, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation ChangeSubscriptionTerm($id: ID!, $term: Term!, $key: Code!) {\n    changeSubscriptionTerm(id: $id, term: $term, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangeSubscriptionBilling($id: ID!, $billingPlan: BillingPlan!, $key: Code!) {\n    changeSubscriptionBilling(id: $id, billingPlan: $billingPlan, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation ChangeSubscriptionBilling($id: ID!, $billingPlan: BillingPlan!, $key: Code!) {\n    changeSubscriptionBilling(id: $id, billingPlan: $billingPlan, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpgradeSubscription($id: ID!, $productId: Code!, $skuId: Code!, $when: UpgradeTiming!, $key: Code!) {\n    upgradeSubscription(id: $id, productId: $productId, skuId: $skuId, when: $when, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n',
): (typeof documents)['\n  mutation UpgradeSubscription($id: ID!, $productId: Code!, $skuId: Code!, $when: UpgradeTiming!, $key: Code!) {\n    upgradeSubscription(id: $id, productId: $productId, skuId: $skuId, when: $when, input: { idempotencyKey: $key }) {\n      ...SubscriptionChangeOutcome\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SupportQueue(\n    $resellerId: ID\n    $statuses: [Code!]\n    $type: Code\n    $search: ShortText\n    $sortBy: SupportCaseSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    supportCases(\n      resellerId: $resellerId\n      statuses: $statuses\n      type: $type\n      search: $search\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        customerName\n        number\n        subject\n        type\n        priority\n        status\n        ageHours\n        assigneeEmail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SupportQueue(\n    $resellerId: ID\n    $statuses: [Code!]\n    $type: Code\n    $search: ShortText\n    $sortBy: SupportCaseSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    supportCases(\n      resellerId: $resellerId\n      statuses: $statuses\n      type: $type\n      search: $search\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        resellerName\n        customerName\n        number\n        subject\n        type\n        priority\n        status\n        ageHours\n        assigneeEmail\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SupportCase($id: ID!) {\n    supportCase(id: $id) {\n      id\n      number\n      resellerId\n      customerId\n      orderId\n      type\n      priority\n      status\n      subject\n      assigneeEmail\n      openedByEmail\n      openedAt\n      ageHours\n      version\n      comments {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SupportCase($id: ID!) {\n    supportCase(id: $id) {\n      id\n      number\n      resellerId\n      customerId\n      orderId\n      type\n      priority\n      status\n      subject\n      assigneeEmail\n      openedByEmail\n      openedAt\n      ageHours\n      version\n      comments {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateSupportCase($id: ID!, $version: Int!, $status: Code, $priority: Code, $assignToMe: Boolean) {\n    updateSupportCase(id: $id, version: $version, status: $status, priority: $priority, assignToMe: $assignToMe) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateSupportCase($id: ID!, $version: Int!, $status: Code, $priority: Code, $assignToMe: Boolean) {\n    updateSupportCase(id: $id, version: $version, status: $status, priority: $priority, assignToMe: $assignToMe) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CommentSupportCase($id: ID!, $text: FreeText!) {\n    commentSupportCase(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CommentSupportCase($id: ID!, $text: FreeText!) {\n    commentSupportCase(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation OpenSupportCase($resellerId: ID!, $input: NewCaseInput!) {\n    openSupportCase(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CaseSaved {\n        supportCase {\n          id\n          number\n        }\n      }\n      ...FieldProblems\n    }\n  }\n',
): (typeof documents)['\n  mutation OpenSupportCase($resellerId: ID!, $input: NewCaseInput!) {\n    openSupportCase(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on CaseSaved {\n        supportCase {\n          id\n          number\n        }\n      }\n      ...FieldProblems\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ReturnOptions($orderId: ID!, $quantities: [ReturnQuantityInput!]) {\n    returnOptions(orderId: $orderId, quantities: $quantities) {\n      refundQuantity\n      orderLineId\n      lineNumber\n      skuTitle\n      quantity\n      returnedQuantity\n      allowed\n      code\n      message\n      windowClosesAt\n      refund {\n        formatted\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ReturnOptions($orderId: ID!, $quantities: [ReturnQuantityInput!]) {\n    returnOptions(orderId: $orderId, quantities: $quantities) {\n      refundQuantity\n      orderLineId\n      lineNumber\n      skuTitle\n      quantity\n      returnedQuantity\n      allowed\n      code\n      message\n      windowClosesAt\n      refund {\n        formatted\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReturnOrderLine($orderLineId: ID!, $quantity: Int!, $idempotencyKey: Code!, $caseId: ID) {\n    returnOrderLine(orderLineId: $orderLineId, quantity: $quantity, idempotencyKey: $idempotencyKey, caseId: $caseId) {\n      __typename\n      ... on ReturnDone {\n        creditNote {\n          number\n          amount {\n            formatted\n          }\n          refundMethod\n        }\n      }\n      ... on ReturnRefused {\n        code\n        message\n        windowClosedAt\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReturnOrderLine($orderLineId: ID!, $quantity: Int!, $idempotencyKey: Code!, $caseId: ID) {\n    returnOrderLine(orderLineId: $orderLineId, quantity: $quantity, idempotencyKey: $idempotencyKey, caseId: $caseId) {\n      __typename\n      ... on ReturnDone {\n        creditNote {\n          number\n          amount {\n            formatted\n          }\n          refundMethod\n        }\n      }\n      ... on ReturnRefused {\n        code\n        message\n        windowClosedAt\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Invoice($orderId: ID!) {\n    invoice(orderId: $orderId) {\n      number\n      issuedAt\n      billTo\n      paymentMethod\n      poNumber\n      taxRateBasisPoints\n      pdfUrl\n      lines {\n        description\n        quantity\n        returnedQuantity\n        unitPrice {\n          formatted\n        }\n        total {\n          formatted\n        }\n      }\n      subtotal {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      total {\n        formatted\n      }\n      refunded {\n        formatted\n      }\n      netTotal {\n        formatted\n      }\n      creditNotes {\n        number\n        issuedAt\n        description\n        amount {\n          formatted\n        }\n        refundMethod\n        pdfUrl\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Invoice($orderId: ID!) {\n    invoice(orderId: $orderId) {\n      number\n      issuedAt\n      billTo\n      paymentMethod\n      poNumber\n      taxRateBasisPoints\n      pdfUrl\n      lines {\n        description\n        quantity\n        returnedQuantity\n        unitPrice {\n          formatted\n        }\n        total {\n          formatted\n        }\n      }\n      subtotal {\n        formatted\n      }\n      tax {\n        formatted\n      }\n      total {\n        formatted\n      }\n      refunded {\n        formatted\n      }\n      netTotal {\n        formatted\n      }\n      creditNotes {\n        number\n        issuedAt\n        description\n        amount {\n          formatted\n        }\n        refundMethod\n        pdfUrl\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResendInvoice($orderId: ID!) {\n    resendInvoice(orderId: $orderId)\n  }\n',
): (typeof documents)['\n  mutation ResendInvoice($orderId: ID!) {\n    resendInvoice(orderId: $orderId)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SendPasswordReset($email: EmailText!) {\n    sendPasswordReset(email: $email) {\n      message\n    }\n  }\n',
): (typeof documents)['\n  mutation SendPasswordReset($email: EmailText!) {\n    sendPasswordReset(email: $email) {\n      message\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UnlockSignIn($email: EmailText!) {\n    unlockSignIn(email: $email) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UnlockSignIn($email: EmailText!) {\n    unlockSignIn(email: $email) {\n      __typename\n      ... on SignInUnlocked {\n        cleared\n      }\n      ... on OperationRefused {\n        code\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PortalLoginOwner($login: Code!) {\n    portalLoginOwner(login: $login) {\n      customer {\n        id\n        companyName\n      }\n      reseller {\n        id\n        companyName\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PortalLoginOwner($login: Code!) {\n    portalLoginOwner(login: $login) {\n      customer {\n        id\n        companyName\n      }\n      reseller {\n        id\n        companyName\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TermsQueue(\n    $statuses: [Code!]\n    $search: ShortText\n    $resellerId: ID\n    $sortBy: TermsRequestSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    termsRequests(\n      statuses: $statuses\n      search: $search\n      resellerId: $resellerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        status\n        sla\n        ageHours\n        submittedAt\n        assigneeEmail\n        requestedLimit {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TermsQueue(\n    $statuses: [Code!]\n    $search: ShortText\n    $resellerId: ID\n    $sortBy: TermsRequestSort\n    $direction: SortDirection\n    $first: Int!\n    $after: Cursor\n  ) {\n    termsRequests(\n      statuses: $statuses\n      search: $search\n      resellerId: $resellerId\n      sortBy: $sortBy\n      direction: $direction\n      first: $first\n      after: $after\n    ) {\n      nodes {\n        id\n        companyName\n        marketplaceId\n        status\n        sla\n        ageHours\n        submittedAt\n        assigneeEmail\n        requestedLimit {\n          formatted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TermsRequest($id: ID!) {\n    termsRequest(id: $id) {\n      id\n      resellerId\n      status\n      marketplaceId\n      bcn\n      companyName\n      submittedAt\n      sla\n      ageHours\n      dueAt\n      assigneeEmail\n      requestedLimit {\n        amountMinor\n        currency\n        formatted\n      }\n      paymentTerms\n      effectiveFrom\n      decisionReason\n      decidedAt\n      decidedByEmail\n      version\n      creditLimit {\n        formatted\n      }\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      notes {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TermsRequest($id: ID!) {\n    termsRequest(id: $id) {\n      id\n      resellerId\n      status\n      marketplaceId\n      bcn\n      companyName\n      submittedAt\n      sla\n      ageHours\n      dueAt\n      assigneeEmail\n      requestedLimit {\n        amountMinor\n        currency\n        formatted\n      }\n      paymentTerms\n      effectiveFrom\n      decisionReason\n      decidedAt\n      decidedByEmail\n      version\n      creditLimit {\n        formatted\n      }\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      contact {\n        name\n        email\n        phone\n      }\n      notes {\n        at\n        authorEmail\n        kind\n        text\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DecideTermsRequest($id: ID!, $version: Int!, $event: Code!, $comment: FreeText) {\n    decideTermsRequest(id: $id, version: $version, event: $event, comment: $comment) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation DecideTermsRequest($id: ID!, $version: Int!, $event: Code!, $comment: FreeText) {\n    decideTermsRequest(id: $id, version: $version, event: $event, comment: $comment) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApproveTermsRequest($id: ID!, $version: Int!, $input: TermsApprovalInput!) {\n    approveTermsRequest(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation ApproveTermsRequest($id: ID!, $version: Int!, $input: TermsApprovalInput!) {\n    approveTermsRequest(id: $id, version: $version, input: $input) {\n      __typename\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CommentTermsRequest($id: ID!, $text: FreeText!) {\n    commentTermsRequest(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CommentTermsRequest($id: ID!, $text: FreeText!) {\n    commentTermsRequest(id: $id, text: $text) {\n      __typename\n      ... on BusinessError {\n        message\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SubmitTermsRequest($resellerId: ID!, $input: TermsRequestInput!) {\n    submitTermsRequest(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on TermsRequestSaved {\n        request {\n          id\n          requestedLimit {\n            formatted\n          }\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n',
): (typeof documents)['\n  mutation SubmitTermsRequest($resellerId: ID!, $input: TermsRequestInput!) {\n    submitTermsRequest(resellerId: $resellerId, input: $input) {\n      __typename\n      ... on TermsRequestSaved {\n        request {\n          id\n          requestedLimit {\n            formatted\n          }\n        }\n      }\n      ...FieldProblems\n      ...Refusal\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment CreditFigures on CreditStanding {\n    paymentTerms\n    limit {\n      formatted\n    }\n    used {\n      formatted\n    }\n    available {\n      formatted\n    }\n  }\n',
): (typeof documents)['\n  fragment CreditFigures on CreditStanding {\n    paymentTerms\n    limit {\n      formatted\n    }\n    used {\n      formatted\n    }\n    available {\n      formatted\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ResellerCredit($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n      ledger {\n        at\n        kind\n        note\n        amount {\n          formatted\n        }\n      }\n    }\n    termsRequests(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        status\n        submittedAt\n        decisionReason\n        requestedLimit {\n          formatted\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ResellerCredit($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n      ledger {\n        at\n        kind\n        note\n        amount {\n          formatted\n        }\n      }\n    }\n    termsRequests(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        status\n        submittedAt\n        decisionReason\n        requestedLimit {\n          formatted\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ResellerStanding($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n    }\n    orders(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        soNumber\n        status\n        placedAt\n        paymentMethod\n        total {\n          formatted\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ResellerStanding($resellerId: ID!) {\n    resellerCredit(resellerId: $resellerId) {\n      ...CreditFigures\n    }\n    orders(resellerId: $resellerId, first: 5) {\n      nodes {\n        id\n        soNumber\n        status\n        placedAt\n        paymentMethod\n        total {\n          formatted\n        }\n      }\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
