// Package zendesk reads Zendesk's webhook posts into tickets: a trigger
// on ticket created (and, optionally, updated) that notifies a webhook
// with a JSON body written from placeholders (docs/helpdesks.md), signed
// with the webhook's signing secret.
package zendesk

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// The signature headers: base64(HMAC-SHA256(secret, timestamp + body)).
const (
	SignatureHeader = "X-Zendesk-Webhook-Signature"
	TimestampHeader = "X-Zendesk-Webhook-Signature-Timestamp"
)

// Webhook verifies and reads Zendesk's posts.
type Webhook struct {
	// Secret is the webhook's signing secret (Admin Center → Webhooks →
	// the webhook → Signing secret).
	Secret string
}

// Name is the source of its tickets.
func (*Webhook) Name() string { return stormdesk.SourceZendesk }

// Verify checks the signature over the timestamp header and the body,
// as Zendesk computes it, and returns the signed time: the edge refuses
// it outside stormdesk.SignatureWindow and refuses a second post of the
// same signed bytes.
func (w *Webhook) Verify(h http.Header, body []byte) (connectors.Signed, error) {
	stamp := h.Get(TimestampHeader)
	sig := h.Get(SignatureHeader)
	switch {
	case sig == "":
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader, "missing")
	case stamp == "":
		return connectors.Signed{}, connectors.Unauthorized(TimestampHeader, "missing")
	}
	got, err := base64.StdEncoding.DecodeString(sig)
	if err != nil {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader, "not base64")
	}
	mac := hmac.New(sha256.New, []byte(w.Secret))
	mac.Write([]byte(stamp))
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader,
			"does not match the timestamp and body (is STORMDESK_ZENDESK_WEBHOOK_SECRET the webhook's signing secret?)")
	}
	at, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return connectors.Signed{}, connectors.Unauthorized(TimestampHeader, "%q is not an RFC 3339 time", stamp)
	}
	// The key covers the signed bytes, never the signature's text, which
	// has several base64 spellings (stormdesk.ReplayKey).
	return connectors.Signed{At: at, ReplayKey: stormdesk.ReplayKey("zendesk", []byte(stamp), body)}, nil
}

// Payload is the JSON body the trigger sends (docs/helpdesks.md has the
// body to paste, with its placeholders). Only ticket.id is required.
type Payload struct {
	// Event is "created" (the trigger on ticket created) or "updated"
	// (a trigger on ticket updated, a follow-up comment); "" is created.
	Event  string `json:"event"`
	Ticket struct {
		ID          connectors.ID `json:"id"`
		Subject     string        `json:"subject"`
		Description string        `json:"description"`
		Requester   struct {
			Email string `json:"email"`
			Name  string `json:"name"`
		} `json:"requester"`
		Organization string `json:"organization"`
		// CreatedAt is {{ticket.created_at_with_timestamp}}: RFC 3339.
		CreatedAt string `json:"created_at"`
		// Tags is {{ticket.tags}}: the ticket's tags, space-separated
		// (Zendesk tags hold no spaces). Via is {{ticket.via}}: how the
		// ticket came in, as Zendesk names it ("Mail", "Web form",
		// "Phone call (incoming)"), mapped by Channels.
		Tags string `json:"tags"`
		Via  string `json:"via"`
	} `json:"ticket"`
}

// ParsePayload reads the trigger's body.
func ParsePayload(body []byte) (*Payload, error) {
	var p Payload
	if err := connectors.DecodeJSON(body, &p); err != nil {
		return nil, err
	}
	if p.Ticket.ID == "" {
		return nil, connectors.Invalid("ticket.id", "required (the placeholder {{ticket.id}})")
	}
	if len(p.Ticket.ID) > stormdesk.MaxExternalIDLen {
		return nil, connectors.Invalid("ticket.id", "longer than %d characters", stormdesk.MaxExternalIDLen)
	}
	switch p.Event {
	case "", "created", "updated":
	default:
		return nil, connectors.Invalid("event", "%q is not created or updated", p.Event)
	}
	return &p, nil
}

// Parse reads a post into the ticket it reports. An update carries its
// ticket as well: a ticket already stored is not stored again.
func (*Webhook) Parse(_ http.Header, body []byte) (connectors.Delivery, error) {
	p, err := ParsePayload(body)
	if err != nil {
		return connectors.Delivery{}, err
	}
	t, err := ticket(p.Ticket.ID, p.Ticket.Subject, p.Ticket.Description, p.Ticket.Requester.Email,
		p.Ticket.Requester.Name, p.Ticket.Organization, p.Ticket.CreatedAt, strings.Fields(p.Ticket.Tags), p.Ticket.Via)
	if err != nil {
		return connectors.Delivery{}, err
	}
	return connectors.Delivery{Event: eventOrCreated(p.Event), Ticket: t}, nil
}

func eventOrCreated(e string) string {
	if e == "" {
		return "created"
	}
	return e
}
