import { graphql } from '../../gql';

export const SUBSCRIPTIONS = graphql(`
  query Subscriptions(
    $product: ShortText
    $status: SubscriptionStatus
    $endingWithinDays: Int
    $windowOpen: Boolean
    $autoRenew: Boolean
    $trial: Boolean
    $customerId: ID
    $sortBy: SubscriptionSort
    $direction: SortDirection
    $first: Int!
    $after: Cursor
  ) {
    subscriptions(
      product: $product
      status: $status
      endingWithinDays: $endingWithinDays
      windowOpen: $windowOpen
      autoRenew: $autoRenew
      trial: $trial
      customerId: $customerId
      sortBy: $sortBy
      direction: $direction
      first: $first
      after: $after
    ) {
      nodes {
        id
        skuTitle
        productTitle
        resellerName
        customerName
        quantity
        term
        billingPlan
        status
        autoRenew
        trial
        termEnd
        renewsOn
        windowClosesAt
        windowHoursLeft
        unitPrice {
          amountMinor
          currency
          formatted
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SUBSCRIPTION = graphql(`
  query Subscription($id: ID!) {
    subscription(id: $id) {
      id
      partnerSubscriptionId
      resellerId
      resellerName
      customerId
      customerName
      orderId
      productTitle
      skuTitle
      skuId
      term
      billingPlan
      quantity
      status
      autoRenew
      trial
      promotionId
      termStart
      termEnd
      renewsOn
      windowClosesAt
      windowHoursLeft
      renewing
      changeCount
      version
      unitPrice {
        amountMinor
        currency
        formatted
      }
      scheduledChange {
        quantity
        term
        billingPlan
        upgradeTo
      }
      batches {
        id
        kind
        quantity
        removed
        startedAt
        windowClosesAt
        windowOpen
        hoursLeft
        current
        unitPaid {
          amountMinor
          formatted
        }
      }
      upgradeOptions {
        productId
        skuId
        skuTitle
        unitPrice {
          formatted
        }
      }
      nextTerm {
        renewsOn
        skuTitle
        quantity
        term
        billingPlan
        changesCloseAt
        promotionName
        priceRule
        unitPrice {
          formatted
        }
        firstCharge {
          formatted
        }
      }
      emails {
        to
        subject
        createdAt
      }
      history {
        id
        at
        kind
        message
        actorEmail
      }
      charges {
        id
        chargeType
        quantity
        at
        chargeStart
        chargeEnd
        amount {
          amountMinor
          formatted
        }
      }
    }
  }
`);

export const SUBSCRIPTION_CHANGED = graphql(`
  fragment SubscriptionChangeOutcome on SubscriptionChangeResult {
    __typename
    ... on SubscriptionChanged {
      replayed
      amount {
        amountMinor
        formatted
      }
      subscription {
        id
        quantity
        status
        autoRenew
        version
      }
    }
    ... on BusinessError {
      code
      message
      fix {
        kind
        label
      }
    }
  }
`);

export const RENEWAL_CALENDAR = graphql(`
  query RenewalCalendar($month: Code!) {
    renewalCalendar(month: $month) {
      __typename
      ... on RenewalCalendar {
        month
        days {
          day
          autoRenew
          subscriptions
          seats
          amount {
            amountMinor
            currency
            formatted
          }
        }
      }
      ... on ValidationFailed {
        message
      }
    }
  }
`);

export const SUBSCRIPTION_QUOTE = graphql(`
  query SubscriptionQuote($id: ID!, $action: SubscriptionAction!, $quantity: Int!) {
    subscriptionQuote(id: $id, action: $action, quantity: $quantity) {
      allowed
      wipesScheduledChanges
      amount {
        amountMinor
        formatted
      }
      refusal {
        code
        message
        fix {
          label
        }
      }
    }
  }
`);

export const ADD_SEATS = graphql(`
  mutation AddSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {
    addSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const REMOVE_SEATS = graphql(`
  mutation RemoveSubscriptionSeats($id: ID!, $quantity: Int!, $key: Code!) {
    removeSubscriptionSeats(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const CANCEL = graphql(`
  mutation CancelSubscription($id: ID!, $key: Code!) {
    cancelSubscription(id: $id, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const SET_AUTO_RENEW = graphql(`
  mutation SetSubscriptionAutoRenew($id: ID!, $autoRenew: Boolean!, $key: Code!) {
    setSubscriptionAutoRenew(id: $id, autoRenew: $autoRenew, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const SCHEDULE_CHANGE = graphql(`
  mutation ScheduleSubscriptionChange($id: ID!, $change: ScheduledChangeInput, $key: Code!) {
    scheduleSubscriptionChange(id: $id, change: $change, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const SUSPEND = graphql(`
  mutation SuspendSubscription($id: ID!, $key: Code!) {
    suspendSubscription(id: $id, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const REACTIVATE = graphql(`
  mutation ReactivateSubscription($id: ID!, $key: Code!) {
    reactivateSubscription(id: $id, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const CHANGE_TERM = graphql(`
  mutation ChangeSubscriptionTerm($id: ID!, $term: Term!, $key: Code!) {
    changeSubscriptionTerm(id: $id, term: $term, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const CHANGE_BILLING = graphql(`
  mutation ChangeSubscriptionBilling($id: ID!, $billingPlan: BillingPlan!, $key: Code!) {
    changeSubscriptionBilling(id: $id, billingPlan: $billingPlan, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const CONVERT_TRIAL = graphql(`
  mutation ConvertTrial($id: ID!, $quantity: Int!, $key: Code!) {
    convertTrial(id: $id, quantity: $quantity, input: { idempotencyKey: $key }) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const UPGRADE = graphql(`
  mutation UpgradeSubscription(
    $id: ID!
    $productId: Code!
    $skuId: Code!
    $when: UpgradeTiming!
    $quantity: Int
    $key: Code!
  ) {
    upgradeSubscription(
      id: $id
      productId: $productId
      skuId: $skuId
      when: $when
      quantity: $quantity
      input: { idempotencyKey: $key }
    ) {
      ...SubscriptionChangeOutcome
    }
  }
`);

export const PARTNER_CENTER_DRIFT = graphql(`
  query PartnerCenterDrift {
    partnerCenterDrift(first: 200) {
      id
      status
      startedAt
      startedBy
      finishedAt
      checked
      differences
      items {
        subscriptionId
        partnerSubscriptionId
        skuTitle
        customerName
        field
        ours
        theirs
        fix
      }
    }
  }
`);

export const CHECK_PARTNER_CENTER_DRIFT = graphql(`
  mutation CheckPartnerCenterDrift {
    checkPartnerCenterDrift {
      id
      status
    }
  }
`);

export const PLANT_SIMULATOR_DRIFT = graphql(`
  mutation PlantSimulatorDrift($subscriptionId: Code!, $kind: DriftKind!) {
    plantSimulatorDrift(subscriptionId: $subscriptionId, kind: $kind) {
      __typename
      ... on DriftPlanted {
        kind
      }
      ... on BusinessError {
        message
      }
    }
  }
`);
