import { graphql } from '../../gql';

export const BILLING_RUN = graphql(`
  query BillingRun($month: Code!) {
    billingRun(month: $month) {
      month
      status
      startedAt
      startedBy
      finishedAt
      invoices
    }
  }
`);

export const CLOSE_BILLING_MONTH = graphql(`
  mutation CloseBillingMonth($month: Code!) {
    closeBillingMonth(month: $month) {
      __typename
      ... on BillingRun {
        month
        status
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const MONTHLY_INVOICES = graphql(`
  query MonthlyInvoices($first: Int!, $after: Cursor, $month: Code, $resellerId: ID) {
    monthlyInvoices(first: $first, after: $after, month: $month, resellerId: $resellerId) {
      nodes {
        id
        number
        kind
        reason
        month
        resellerName
        charges
        corrects {
          number
          pdfUrl
        }
        creditedBy {
          number
          pdfUrl
        }
        replacedBy {
          number
          pdfUrl
        }
        adjustments {
          description
          amount {
            formatted
          }
        }
        total {
          currency
          formatted
        }
        paid {
          formatted
        }
        due {
          amountMinor
          formatted
        }
        dueDate
        pdfUrl
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const RESEND_MONTHLY_INVOICE = graphql(`
  mutation ResendMonthlyInvoice($id: ID!) {
    resendMonthlyInvoice(id: $id) {
      __typename
      ... on InvoiceResent {
        number
      }
      ... on BusinessError {
        message
      }
    }
  }
`);

export const CORRECT_MONTHLY_INVOICE = graphql(`
  mutation CorrectMonthlyInvoice($input: CorrectInvoiceInput!) {
    correctMonthlyInvoice(input: $input) {
      __typename
      ... on InvoiceCorrected {
        creditNote {
          number
        }
        invoice {
          number
        }
        total {
          formatted
        }
      }
      ...FieldProblems
      ... on BusinessError {
        message
      }
    }
  }
`);
