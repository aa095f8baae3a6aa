package desk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/templates"
)

// Status page subscriptions: a customer asks, on the page, to be emailed
// about components; they are subscribed only once they open the signed
// link of the confirmation email (double opt-in). A confirmed
// subscription is stored among the feature subscriptions under the
// component's key (Component.SubscriptionKey), so the subscriber is in the
// audience of every incident that affects the component, and so in
// `notify` previews, the approval threshold and the automatic emails,
// under the same rules as every other recipient: each address once, none
// suppressed. Imported customers (`customers import`) may subscribe to
// components the same way (component:ID among their features).

// Subscriptions reports whether the page takes subscriptions: customer
// email is on and confirmation links can be signed.
func (s *Service) Subscriptions() bool { return s.email != nil && s.email.ConfirmURL != nil }

// MaxSubscribeComponents bounds the components of one request.
const MaxSubscribeComponents = 100

// ConfirmInterval is the confirmation email rate limit: at most one per
// address in any ConfirmInterval, whatever components it names, so that
// nobody can flood an inbox through the form.
const ConfirmInterval = time.Hour

// RequestSubscription queues the confirmation email asking email to
// confirm a subscription to components (names or ids) through the
// outbox. Nothing is subscribed yet. At most one is queued per address in
// any ConfirmInterval, whatever the components (false when the limit
// held it back): a form submitted twice, or by someone else for the
// address, sends one email an hour. The email is Solicited: an address
// that unsubscribed before receives it (the person is asking again), one
// that bounced or reported spam does not. ENOTFOUND when the page takes
// no subscriptions or for an unknown component; EINVALID for a bad
// address.
func (s *Service) RequestSubscription(ctx context.Context, email string, components []string) (queued bool, err error) {
	if !s.Subscriptions() {
		return false, stormdesk.Errorf(stormdesk.ENOTFOUND, "this status page takes no subscriptions")
	}
	email = strings.ToLower(strings.TrimSpace(email))
	if !stormdesk.ValidEmail(email) || len(email) > stormdesk.MaxNameLen {
		return false, stormdesk.Errorf(stormdesk.EINVALID, "email: %q is not an email address", email)
	}
	comps, err := s.subscribeComponents(components)
	if err != nil {
		return false, err
	}
	ids, names := make([]string, len(comps)), make([]string, len(comps))
	for i, c := range comps {
		ids[i], names[i] = c.ID, c.Name
	}
	now := s.now()
	subject, text, html, err := templates.RenderConfirm(templates.ConfirmData{ProductName: s.ProductName, Page: s.ProductName + " status page",
		Components: names, ConfirmURL: s.email.ConfirmURL(email, ids), UnsubscribeURL: s.email.Placeholder, FromName: s.email.FromName, Footer: s.email.Footer})
	if err != nil {
		return false, fmt.Errorf("desk: render confirmation: %w", err)
	}
	// The message id names the address and the hour it was asked in, so
	// that two requests in the same hour store one message (the unique
	// key settles even concurrent ones); the previous hour's message, if
	// it is younger than ConfirmInterval, holds a new one back too.
	m := &stormdesk.OutboundMessage{MessageID: confirmMessageID(email, now), Template: templates.EmailConfirm,
		Subject: subject, Text: text, HTML: html, State: stormdesk.MessageQueued, CreatedAt: now, RequestedBy: "status page", Solicited: true}
	ctx, alerts := withCollector(ctx)
	var n int
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) (err error) {
		prev, err := tx.Message(ctx, confirmMessageID(email, now.Add(-ConfirmInterval)))
		switch {
		case err == nil && now.Sub(prev.CreatedAt) < ConfirmInterval:
			return nil
		case err != nil && stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND:
			return err
		}
		if n, err = tx.EnqueueMessage(ctx, m, []stormdesk.Customer{{Email: email}}, now); err == nil && n > 0 {
			raiseEmail(ctx)
		}
		return err
	})
	if err != nil {
		return false, fmt.Errorf("desk: request subscription: %w", err)
	}
	s.flushAlerts(alerts)
	s.Log.Info("subscription requested", slog.String("components", strings.Join(ids, ",")), slog.Bool("queued", n > 0))
	return n > 0, nil
}

// confirmMessageID names the confirmation email to email asked for in
// the hour of at (UTC).
func confirmMessageID(email string, at time.Time) string {
	sum := sha256.Sum256([]byte(email))
	return fmt.Sprintf("confirm-%s-%s", hex.EncodeToString(sum[:10]), at.UTC().Format("2006010215"))
}

// ConfirmSubscription subscribes email to the components (ids) a
// verified confirmation link names, issued at issued, and records it in
// the address's subscription history. An address that had unsubscribed
// from all email gets email again when the link was issued after it
// unsubscribed: the person asked again on the page, the signed link
// proves the mailbox's owner received it and the page's button that they
// meant it, so their new choice replaces the old one (and the lifting is
// recorded). A link from before the unsubscribe (an old email, perhaps
// forwarded) subscribes but lifts nothing, and a suppression for a
// bounce or a spam report is never lifted. Confirming again changes
// nothing more. It returns the components, and why the address is still
// suppressed ("" when email reaches it), so that the page can say so.
// ENOTFOUND for a component no longer on the page.
func (s *Service) ConfirmSubscription(ctx context.Context, email string, components []string, issued time.Time) (_ []stormdesk.Component, suppressed string, err error) {
	comps, err := s.subscribeComponents(components)
	if err != nil {
		return nil, "", err
	}
	email = strings.ToLower(email)
	now := s.now()
	var lifted bool
	err = s.Store.Update(ctx, func(tx stormdesk.Tx) (err error) {
		names := make([]string, len(comps))
		for i, c := range comps {
			if err := tx.Subscribe(ctx, email, c.SubscriptionKey()); err != nil {
				return err
			}
			names[i] = c.Name
		}
		if err := tx.AddSubscriptionEvent(ctx, &stormdesk.SubscriptionEvent{Email: email, At: now, Kind: stormdesk.SubEventSubscribed, Actor: email,
			Text: "Confirmed a subscription to " + strings.Join(names, ", ") + " from the status page"}); err != nil {
			return err
		}
		// Links carry whole seconds: an unsubscribe in the second the
		// link was issued counts as after it (lifting nothing is the
		// safe side).
		if lifted, err = tx.Unsuppress(ctx, email, stormdesk.SuppressedUnsubscribe, issued.Truncate(time.Second)); err != nil {
			return err
		}
		if !lifted {
			c, err := tx.Customer(ctx, email)
			if err == nil && c.SuppressedAt != nil {
				suppressed = c.SuppressedWhy
			} else if err != nil && stormdesk.ErrorCode(err) != stormdesk.ENOTFOUND {
				return err
			}
			return nil
		}
		return tx.AddSubscriptionEvent(ctx, &stormdesk.SubscriptionEvent{Email: email, At: now, Kind: stormdesk.SubEventUnsuppressed, Actor: email,
			Text: "Email to this address resumed: it had unsubscribed from all email, then asked again on the status page and confirmed through its signed link"})
	})
	if err != nil {
		return nil, "", fmt.Errorf("desk: confirm subscription: %w", err)
	}
	s.Log.Info("subscription confirmed", slog.Int("components", len(comps)), slog.Bool("unsubscribe_lifted", lifted), slog.Bool("suppressed", suppressed != ""))
	return comps, suppressed, nil
}

// SubscriptionHistory lists an address's subscription history, oldest
// first.
func (s *Service) SubscriptionHistory(ctx context.Context, email string) (evs []stormdesk.SubscriptionEvent, err error) {
	err = s.Store.View(ctx, func(tx stormdesk.Tx) error { evs, err = tx.SubscriptionEvents(ctx, email); return err })
	if err != nil {
		return nil, fmt.Errorf("desk: subscription history: %w", err)
	}
	return evs, nil
}

// subscribeComponents resolves names or ids to components, each once,
// in page order.
func (s *Service) subscribeComponents(names []string) ([]stormdesk.Component, error) {
	if len(names) == 0 {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "components: choose at least one")
	}
	if len(names) > MaxSubscribeComponents {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "components: more than %d", MaxSubscribeComponents)
	}
	var ids []string
	for _, n := range names {
		c, err := s.component(n)
		if err != nil {
			return nil, err
		}
		ids = append(ids, c.ID)
	}
	var out []stormdesk.Component
	for _, c := range s.components {
		if slices.Contains(ids, c.ID) {
			out = append(out, c)
		}
	}
	return out, nil
}

// audienceKeys are the subscriptions an incident's email goes to: its
// features', and those of the components it affects.
func (s *Service) audienceKeys(inc *stormdesk.Incident) []string {
	keys := slices.Clone(inc.Features)
	for _, c := range s.components {
		if c.Affects(inc.Features) {
			keys = append(keys, c.SubscriptionKey())
		}
	}
	return keys
}

// Unsubscribed says what an unsubscribe link did.
type Unsubscribed struct {
	// All is set when the link stopped all email to the address.
	All bool
	// Components names the components the link is for.
	Components []string
	// Removed names the component subscriptions it removed (none when
	// they were gone already, or the address was in the email's audience
	// another way: as a reporter, or through a feature).
	Removed []string
	// Remaining are the address's subscriptions left: component names,
	// and the features it follows.
	Remaining []string
}

// Unsubscribe acts on a verified unsubscribe link. Without components
// (the link for everything) it stops all email to the address, as
// Suppress does. With components (the link in an email about them) it
// removes only the address's subscriptions to those components, and
// records it in the address's subscription history; it never escalates to
// everything by itself (a link opened twice, or by a mail scanner, must
// not), so the page offers that as a separate choice.
func (s *Service) Unsubscribe(ctx context.Context, email string, components []string) (Unsubscribed, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if len(components) == 0 {
		return Unsubscribed{All: true}, s.Suppress(ctx, email, stormdesk.SuppressedUnsubscribe, "")
	}
	if len(components) > MaxSubscribeComponents {
		return Unsubscribed{}, stormdesk.Errorf(stormdesk.EINVALID, "components: more than %d", MaxSubscribeComponents)
	}
	var out Unsubscribed
	now := s.now()
	err := s.Store.Update(ctx, func(tx stormdesk.Tx) error {
		out = Unsubscribed{}
		for _, id := range components {
			out.Components = append(out.Components, s.componentName(id))
			ok, err := tx.Unsubscribe(ctx, email, stormdesk.ComponentKeyPrefix+id)
			if err != nil {
				return err
			}
			if ok {
				out.Removed = append(out.Removed, s.componentName(id))
			}
		}
		subs, err := tx.Subscriptions(ctx, stormdesk.SubscriptionFilter{Email: email, Limit: MaxSubscribeComponents})
		if err != nil {
			return err
		}
		for _, sub := range subs {
			if id, ok := strings.CutPrefix(sub.Feature, stormdesk.ComponentKeyPrefix); ok {
				out.Remaining = append(out.Remaining, s.componentName(id))
			} else {
				out.Remaining = append(out.Remaining, sub.Feature)
			}
		}
		if len(out.Removed) == 0 {
			return nil
		}
		return tx.AddSubscriptionEvent(ctx, &stormdesk.SubscriptionEvent{Email: email, At: now, Kind: stormdesk.SubEventUnsubscribed, Actor: email,
			Text: "Unsubscribed from " + strings.Join(out.Removed, ", ") + " through the link of an email"})
	})
	if err != nil {
		return Unsubscribed{}, fmt.Errorf("desk: unsubscribe from components: %w", err)
	}
	s.Log.Info("unsubscribed from components", slog.Int("components", len(out.Removed)))
	return out, nil
}

// componentName is the name of the page's component id (the id itself
// for one no longer on the page).
func (s *Service) componentName(id string) string {
	for _, c := range s.components {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}

// componentIDs are the ids of the page's components an incident affects:
// the components its emails are about.
func (s *Service) componentIDs(inc *stormdesk.Incident) []string {
	var ids []string
	for _, c := range s.components {
		if c.Affects(inc.Features) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}
