package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/config"
	"stormdesk/desk"
	"stormdesk/notify"
	"stormdesk/store/sqlstore"
)

// startEmail turns customer email on when it is configured: the desk
// queues emails in the outbox, a dispatcher sends them through SendGrid,
// and the unsubscribe and event-webhook endpoints feed suppressions back.
func startEmail(ctx context.Context, c config.Config, store stormdesk.Store, d *desk.Service, log *slog.Logger) (routes []func(*http.ServeMux), stop func(), err error) {
	if c.Email.APIKey == "" {
		return nil, func() {}, nil
	}
	outbox, ok := store.(*sqlstore.Store)
	if !ok {
		return nil, nil, stormdesk.Errorf(stormdesk.EINVALID, "customer email needs a SQL store")
	}
	secret := []byte(c.Email.UnsubscribeSecret)
	unsubBase := strings.TrimRight(c.Email.PublicURL, "/") + "/unsubscribe"
	links, err := notify.UnsubscribeLinks(unsubBase, secret, time.Now)
	if err != nil {
		return nil, nil, err
	}
	inDoubt := notify.InDoubtFail
	if c.Email.ResendInDoubt {
		inDoubt = notify.InDoubtResend
	}
	disp := &notify.Dispatcher{Outbox: outbox, Log: log, UnsubscribeURL: links, InDoubt: inDoubt,
		Sender: &notify.SendGrid{APIKey: c.Email.APIKey, BaseURL: c.Email.URL, FromEmail: c.Email.From, FromName: c.Email.FromName, ReplyTo: c.Email.ReplyTo}}
	set := func(l []string) map[string]bool {
		m := map[string]bool{}
		for _, a := range l {
			m[a] = true
		}
		return m
	}
	d.SetEmail(&desk.Email{Auto: set(c.Email.Auto), Approve: set(c.Email.Approve), ApprovalThreshold: c.Email.ApprovalThreshold, FromName: c.Email.FromName, Footer: c.Email.Footer, Placeholder: notify.UnsubscribeTag, Kick: disp.Kick})
	dctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := disp.Run(dctx, 5*time.Second); err != nil && dctx.Err() == nil {
			log.Error("email dispatcher stopped", slog.Any("error", err))
		}
	}()
	routes = append(routes, func(mux *http.ServeMux) {
		mux.HandleFunc("GET /unsubscribe", func(w http.ResponseWriter, r *http.Request) { unsubscribe(w, r, store, secret, log) })
		mux.HandleFunc("POST /unsubscribe", func(w http.ResponseWriter, r *http.Request) { unsubscribe(w, r, store, secret, log) })
		if c.Email.WebhookKey != "" {
			mux.HandleFunc("POST /sendgrid/events", notify.EventsHandler(c.Email.WebhookKey, store, time.Now, func(ctx context.Context, events []notify.Event) error {
				return applyEvents(ctx, events, store, outbox)
			}, log))
		}
	})
	return routes, func() { cancel(); <-done }, nil
}

// unsubscribe suppresses the address a signed token names: a link in
// every email (GET) and the one-click List-Unsubscribe POST.
func unsubscribe(w http.ResponseWriter, r *http.Request, store stormdesk.Store, secret []byte, log *slog.Logger) {
	email, err := notify.VerifyUnsubscribe(secret, r.URL.Query().Get("token"))
	if err != nil {
		http.Error(w, "This unsubscribe link is not valid. Reply to any of our emails and we will take you off the list.", http.StatusBadRequest)
		return
	}
	if err := store.Update(r.Context(), func(tx stormdesk.Tx) error { return tx.Suppress(r.Context(), email, "unsubscribe", time.Now()) }); err != nil {
		log.Error("unsubscribe not stored", slog.Any("error", err))
		http.Error(w, "Something went wrong; please try the link again.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, "You will get no more incident emails from us.\n")
}

// applyEvents acts on verified SendGrid events: bounces, drops, spam
// reports and unsubscribes suppress the address; any event of a batch
// proves SendGrid accepted it (settling rows left in doubt by a crash).
func applyEvents(ctx context.Context, events []notify.Event, store stormdesk.Store, outbox *sqlstore.Store) error {
	now := time.Now()
	for _, e := range events {
		if e.Suppresses() {
			if err := store.Update(ctx, func(tx stormdesk.Tx) error { return tx.Suppress(ctx, e.Email, e.Type, now) }); err != nil {
				return fmt.Errorf("sendgrid events: suppress: %w", err)
			}
		}
		if e.ProvesAccepted() {
			if _, err := outbox.Reconcile(ctx, e.Batch, e.MessageID, now); err != nil {
				return fmt.Errorf("sendgrid events: reconcile: %w", err)
			}
		}
	}
	return nil
}
