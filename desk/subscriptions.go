package desk

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"stormdesk"
)

// Operators' view of the subscriptions: list them (by component, by
// address, a page at a time), remove one, and read an address's record
// (its subscriptions, suppression and history).

// MaxSubscriptionsPage bounds one page of ListSubscriptions.
const MaxSubscriptionsPage = 1000

// ListSubscriptions lists the subscriptions matching f in (email,
// feature) order, at most f.Limit (1 to MaxSubscriptionsPage; 0: 100).
// EINVALID for a bad limit.
func (s *Service) ListSubscriptions(ctx context.Context, f stormdesk.SubscriptionFilter) (subs []stormdesk.Subscription, err error) {
	switch {
	case f.Limit == 0:
		f.Limit = 100
	case f.Limit < 0 || f.Limit > MaxSubscriptionsPage:
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "limit: %d is not from 1 to %d", f.Limit, MaxSubscriptionsPage)
	}
	f.Email = strings.ToLower(strings.TrimSpace(f.Email))
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error { subs, err = tx.Subscriptions(ctx, f); return err })
	if err != nil {
		return nil, fmt.Errorf("desk: list subscriptions: %w", err)
	}
	return subs, nil
}

// ComponentKey is the subscription key of a component named by its name
// or id: a component of the page, or (for subscriptions left behind by
// one taken off the page) any id. EINVALID for an empty name.
func (s *Service) ComponentKey(name string) (string, error) {
	if c, err := s.component(name); err == nil {
		return c.SubscriptionKey(), nil
	}
	id := strings.ToLower(strings.TrimSpace(name))
	if id == "" || strings.ContainsAny(id, ", \x00") {
		return "", stormdesk.Errorf(stormdesk.EINVALID, "component: %q is not a component id", name)
	}
	return stormdesk.ComponentKeyPrefix + id, nil
}

// RemoveSubscription removes an address's subscription to a component
// (its name or id) on an operator's word, and records who did it in the
// address's history. ENOTFOUND when there is no such subscription.
func (s *Service) RemoveSubscription(ctx context.Context, email, component, actor string) error {
	email = strings.ToLower(strings.TrimSpace(email))
	key, err := s.ComponentKey(component)
	if err != nil {
		return err
	}
	now := s.now()
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		ok, err := tx.Unsubscribe(ctx, email, key)
		if err != nil {
			return err
		}
		if !ok {
			return stormdesk.Errorf(stormdesk.ENOTFOUND, "%s is not subscribed to %s", email, strings.TrimPrefix(key, stormdesk.ComponentKeyPrefix))
		}
		return tx.AddSubscriptionEvent(ctx, &stormdesk.SubscriptionEvent{Email: email, At: now, Kind: stormdesk.SubEventRemoved, Actor: actor,
			Text: fmt.Sprintf("Subscription to %s removed by %s", s.componentName(strings.TrimPrefix(key, stormdesk.ComponentKeyPrefix)), actor)})
	})
	if err != nil {
		return fmt.Errorf("desk: remove subscription: %w", err)
	}
	s.Log.Info("subscription removed", slog.String("component", key), slog.String("actor", actor))
	return nil
}

// Subscriber is what the desk knows of one address's subscriptions.
type Subscriber struct {
	Email         string                   `json:"email"`
	Subscriptions []stormdesk.Subscription `json:"subscriptions"`
	// SuppressedAt is set when no email reaches the address (SuppressedWhy
	// says why: it unsubscribed, bounced or reported spam).
	SuppressedAt  *time.Time                    `json:"suppressed_at,omitempty"`
	SuppressedWhy string                        `json:"suppressed_why,omitempty"`
	History       []stormdesk.SubscriptionEvent `json:"history"`
}

// SubscriberRecord returns an address's subscriptions, suppression and
// history (ENOTFOUND when it has none of them).
func (s *Service) SubscriberRecord(ctx context.Context, email string) (*Subscriber, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	out := &Subscriber{Email: email}
	err := s.Store.View(ctx, func(tx stormdesk.Tx) (err error) {
		if out.Subscriptions, err = tx.Subscriptions(ctx, stormdesk.SubscriptionFilter{Email: email}); err != nil {
			return err
		}
		if out.History, err = tx.SubscriptionEvents(ctx, email); err != nil {
			return err
		}
		c, err := tx.Customer(ctx, email)
		switch {
		case err == nil:
			out.SuppressedAt, out.SuppressedWhy = c.SuppressedAt, c.SuppressedWhy
		case err != nil && stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND:
			return err
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("desk: subscriber %s: %w", email, err)
	}
	if len(out.Subscriptions) == 0 && len(out.History) == 0 && out.SuppressedAt == nil {
		return nil, stormdesk.Errorf(stormdesk.ENOTFOUND, "no subscriptions or history for %s", email)
	}
	return out, nil
}
