package desk

import (
	"context"
	"fmt"
	"strings"

	"stormdesk"
)

// ImportCustomers stores prepared rows in one transaction: customers are
// created or updated, subscriptions added, opt-outs suppressed.
func (s *Service) ImportCustomers(ctx context.Context, rows []*stormdesk.CustomerImport) error {
	now := s.now()
	for i, r := range rows {
		if err := s.CheckCustomerImport(r); err != nil {
			return stormdesk.Errorf(stormdesk.EINVALID, "rows[%d].%s", i, stormdesk.ErrorMessage(err))
		}
	}
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

// CheckCustomerImport refuses (EINVALID, naming the field) a prepared
// row that subscribes to a status page component (component:ID) the page
// does not have, so that an import can skip that row alone.
func (s *Service) CheckCustomerImport(r *stormdesk.CustomerImport) error {
	for _, f := range r.Features {
		if id, ok := strings.CutPrefix(f, stormdesk.ComponentKeyPrefix); ok {
			if _, err := s.component(id); err != nil {
				return stormdesk.Errorf(stormdesk.EINVALID, "features: %s", stormdesk.ErrorMessage(err))
			}
		}
	}
	return nil
}
