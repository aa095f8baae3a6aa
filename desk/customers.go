package desk

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"stormdesk"
)

// CustomerRow is one customer to import, with the features they subscribe
// to and whether they opted out.
type CustomerRow struct {
	Customer     stormdesk.Customer
	Features     []string
	Unsubscribed bool
}

var featureName = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,63}$`)

// PrepareCustomer normalises and validates one row; the error names the
// field.
func PrepareCustomer(r *CustomerRow) error {
	r.Customer.Email = strings.ToLower(strings.TrimSpace(r.Customer.Email))
	r.Customer.Name = strings.TrimSpace(r.Customer.Name)
	r.Customer.Organisation = strings.TrimSpace(r.Customer.Organisation)
	switch {
	case r.Customer.Email == "":
		return stormdesk.Errorf(stormdesk.EINVALID, "email: required")
	case !stormdesk.ValidEmail(r.Customer.Email):
		return stormdesk.Errorf(stormdesk.EINVALID, "email: %q is not an email address", r.Customer.Email)
	case len(r.Customer.Name) > stormdesk.MaxNameLen || len(r.Customer.Organisation) > stormdesk.MaxNameLen:
		return stormdesk.Errorf(stormdesk.EINVALID, "name: longer than %d bytes", stormdesk.MaxNameLen)
	}
	for i, f := range r.Features {
		f = strings.ToLower(strings.TrimSpace(f))
		if !featureName.MatchString(f) {
			return stormdesk.Errorf(stormdesk.EINVALID, "features: %q is not a feature name (lower-case letters, digits, - or _)", f)
		}
		r.Features[i] = f
	}
	return nil
}

// ImportCustomers stores prepared rows in one transaction: customers are
// created or updated, subscriptions added, opt-outs suppressed.
func (s *Service) ImportCustomers(ctx context.Context, rows []*CustomerRow) error {
	now := s.now()
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		for _, r := range rows {
			if err := tx.UpsertCustomer(ctx, &r.Customer, now); err != nil {
				return err
			}
			for _, f := range r.Features {
				if err := tx.Subscribe(ctx, r.Customer.Email, f); err != nil {
					return err
				}
			}
			if r.Unsubscribed {
				if err := tx.Suppress(ctx, r.Customer.Email, "unsubscribe", now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("desk: import %d customers: %w", len(rows), err)
	}
	return nil
}
