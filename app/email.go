package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"stormdesk"
	"stormdesk/notify"
	"stormdesk/store/sqlstore"
)

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
