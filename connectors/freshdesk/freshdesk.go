// Package freshdesk reads the posts of a Freshdesk automation rule's
// "Trigger webhook" action into tickets. Freshdesk does not sign its
// webhooks, so the rule sends a shared secret in a custom header
// (SecretHeader), compared in constant time; the post must come over
// HTTPS for the secret to stay one.
package freshdesk

import (
	"crypto/subtle"
	"encoding/json"
	"net/http"
	"strings"

	"stormdesk"
	"stormdesk/connectors"
)

// SecretHeader is the custom header the automation rule sends with
// STORMDESK_FRESHDESK_WEBHOOK_SECRET as its value.
const SecretHeader = "X-Stormdesk-Secret"

// Webhook authenticates and reads Freshdesk's posts.
type Webhook struct {
	Secret string
}

// Name is the source of its tickets.
func (*Webhook) Name() string { return stormdesk.SourceFreshdesk }

// Verify compares the secret header in constant time. Without a signed
// timestamp there is nothing to bound a replay by: a post sent again
// names a ticket already stored and stores nothing.
func (w *Webhook) Verify(h http.Header, _ []byte) (connectors.Signed, error) {
	got := h.Get(SecretHeader)
	if got == "" {
		return connectors.Signed{}, connectors.Unauthorized(SecretHeader, "missing (add it as a custom header of the rule's webhook)")
	}
	if w.Secret == "" || subtle.ConstantTimeCompare([]byte(got), []byte(w.Secret)) != 1 {
		return connectors.Signed{}, connectors.Unauthorized(SecretHeader, "wrong secret (it must equal STORMDESK_FRESHDESK_WEBHOOK_SECRET)")
	}
	return connectors.Signed{}, nil
}

// Payload is the JSON the rule's webhook sends: Freshdesk's "Simple"
// content wraps the chosen ticket fields in freshdesk_webhook, and
// docs/helpdesks.md gives the same shape, written with placeholders,
// for "Advanced" content.
type Payload struct {
	Webhook struct {
		TicketID          connectors.ID `json:"ticket_id"`
		TicketSubject     string        `json:"ticket_subject"`
		TicketDescription string        `json:"ticket_description"`
		ContactEmail      string        `json:"ticket_contact_email"`
		ContactName       string        `json:"ticket_contact_name"`
		CompanyName       string        `json:"ticket_company_name"`
		// CreatedAt is optional, and RFC 3339 when given; without it the
		// ticket is stamped with its arrival.
		CreatedAt string `json:"ticket_created_at"`
		// Tags is {{ticket.tags}}, comma-separated text, or an array of
		// names as the API gives them.
		Tags Tags `json:"ticket_tags"`
		// Source is {{ticket.source}}, the source's name ("Email",
		// "Portal"), or the API's numeric code (1, 2); mapped by
		// Channels.
		Source connectors.ID `json:"ticket_source"`
	} `json:"freshdesk_webhook"`
}

// Tags are a ticket's tags: comma-separated text ("payments, eu") or a
// JSON array of names.
type Tags []string

// UnmarshalJSON takes a string, an array of strings, or null.
func (t *Tags) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		var names []string
		if err := json.Unmarshal(b, &names); err != nil {
			return err
		}
		*t = names
		return nil
	}
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s != nil {
		*t = strings.Split(*s, ",")
	}
	return nil
}

// Channels maps Freshdesk's ticket sources onto stormdesk's channels, by
// the numeric codes of the Tickets API (1 Email, 2 Portal, 3 Phone, 7
// Chat, 9 Feedback Widget, 10 Outbound Email) and by their names, as
// {{ticket.source}} renders them. Any other source is "other".
var Channels = map[string]string{
	"1": stormdesk.TicketChannelEmail, "email": stormdesk.TicketChannelEmail,
	"2": stormdesk.TicketChannelWeb, "portal": stormdesk.TicketChannelWeb,
	"3": stormdesk.TicketChannelVoice, "phone": stormdesk.TicketChannelVoice,
	"7": stormdesk.TicketChannelChat, "chat": stormdesk.TicketChannelChat,
	"9": stormdesk.TicketChannelWeb, "feedback_widget": stormdesk.TicketChannelWeb,
	"10": stormdesk.TicketChannelEmail, "outbound_email": stormdesk.TicketChannelEmail,
}

// ParsePayload reads the rule's body.
func ParsePayload(body []byte) (*Payload, error) {
	var p Payload
	if err := connectors.DecodeJSON(body, &p); err != nil {
		return nil, err
	}
	switch id := p.Webhook.TicketID; {
	case id == "":
		return nil, connectors.Invalid("freshdesk_webhook.ticket_id", "required (the ticket's fields go in a freshdesk_webhook object)")
	case len(id) > stormdesk.MaxExternalIDLen:
		return nil, connectors.Invalid("freshdesk_webhook.ticket_id", "longer than %d characters", stormdesk.MaxExternalIDLen)
	}
	return &p, nil
}

// Parse reads a post into its ticket. A rule that also runs on ticket
// updates posts tickets already stored: they are not stored again.
func (*Webhook) Parse(_ http.Header, body []byte) (connectors.Delivery, error) {
	p, err := ParsePayload(body)
	if err != nil {
		return connectors.Delivery{}, err
	}
	fw := p.Webhook
	at, err := connectors.Time("freshdesk_webhook.ticket_created_at", fw.CreatedAt)
	if err != nil {
		return connectors.Delivery{}, err
	}
	t := &stormdesk.Ticket{Source: stormdesk.SourceFreshdesk, ExternalID: string(fw.TicketID),
		CustomerEmail: fw.ContactEmail, CustomerName: fw.ContactName, Organisation: fw.CompanyName,
		Subject: fw.TicketSubject, Body: connectors.Text(fw.TicketDescription), ReceivedAt: at,
		Tags: connectors.Tags(fw.Tags), Channel: connectors.Channel(string(fw.Source), Channels)}
	if strings.TrimSpace(t.Subject) == "" && t.Body == "" {
		t.Subject = "(no subject)"
	}
	return connectors.Delivery{Event: "ticket", Ticket: t}, nil
}
