/** A feature with every required section, accepted by `acceptedBy`: only its role can be wrong. */
export const FEATURE = (acceptedBy: string) => `---
type: feature
accepted-by: ${acceptedBy}
---
# Feature: Saved cards

## Benefit Hypothesis

We believe that saved cards raise repeat purchases by 5%.

## Acceptance Criteria

- Given a signed-in shopper, when they pay, then they can save the card.
`;

/** Business Owners co-accept features (SPEC §5's first `allow` example). */
export const CO_ACCEPT = 'allow:\n  feature: { accept: [product-management, business-owners] }\n';
