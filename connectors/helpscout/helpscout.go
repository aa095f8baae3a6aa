// Package helpscout reads Help Scout's webhook posts into tickets: a
// webhook (Manage → Apps → Webhooks) on the event convo.created, signed
// with the secret key given to it.
package helpscout

import (
	"cmp"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"

	"stormdesk"
	"stormdesk/connectors"
)

// The headers of a post: the signature, base64(HMAC-SHA1(secret, body)),
// and the event's name.
const (
	SignatureHeader = "X-HelpScout-Signature"
	EventHeader     = "X-HelpScout-Event"
)

// EventCreated is the event read into a ticket; every other event (a
// reply, a status change, the test post) is answered 200 and dropped.
const EventCreated = "convo.created"

// Webhook verifies and reads Help Scout's posts.
type Webhook struct {
	// Secret is the webhook's secret key (at most 40 characters, chosen
	// when the webhook is set up).
	Secret string
}

// Name is the source of its tickets.
func (*Webhook) Name() string { return stormdesk.SourceHelpScout }

// Verify checks X-HelpScout-Signature over the body. Help Scout signs no
// timestamp: a post sent again names a conversation already stored and
// stores nothing.
func (w *Webhook) Verify(h http.Header, body []byte) (connectors.Signed, error) {
	sig := h.Get(SignatureHeader)
	if sig == "" {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader, "missing")
	}
	got, err := base64.StdEncoding.DecodeString(sig)
	if err != nil {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader, "not base64")
	}
	mac := hmac.New(sha1.New, []byte(w.Secret))
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader,
			"does not match the body (is STORMDESK_HELPSCOUT_WEBHOOK_SECRET the webhook's secret key?)")
	}
	return connectors.Signed{}, nil
}

// Conversation is the part of the conversation object a convo.created
// post carries that is read here. Help Scout has sent two shapes of it:
// the webhook field guide's (customer with firstName/lastName, threads)
// and Mailbox API 2.0's (primaryCustomer with first/last,
// _embedded.threads); both are read.
type Conversation struct {
	ID connectors.ID `json:"id"`
	// Type is email, chat or phone; Source.Type how the conversation was
	// created (email, emailfwd, web, api, chat, notification). Both make
	// the channel (channel).
	Type   string `json:"type"`
	Source struct {
		Type string `json:"type"`
	} `json:"source"`
	// Tags are the conversation's tags: names in the webhook field
	// guide's shape, objects in Mailbox API 2.0's.
	Tags      []Tag  `json:"tags"`
	Subject   string `json:"subject"`
	Preview   string `json:"preview"`
	CreatedAt string `json:"createdAt"`
	Customer  struct {
		ID        connectors.ID `json:"id"`
		FirstName string        `json:"firstName"`
		LastName  string        `json:"lastName"`
		Email     string        `json:"email"`
	} `json:"customer"`
	PrimaryCustomer struct {
		ID    connectors.ID `json:"id"`
		First string        `json:"first"`
		Last  string        `json:"last"`
		Email string        `json:"email"`
	} `json:"primaryCustomer"`
	Threads  []Thread `json:"threads"`
	Embedded struct {
		Threads []Thread `json:"threads"`
	} `json:"_embedded"`
}

// Tag is one of a conversation's tags: a name ("vip"), or an object with
// it ({"id": 9150, "color": "#929499", "tag": "vip"}).
type Tag string

// UnmarshalJSON takes a string, an object with "tag" (or "name"), or null.
func (t *Tag) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '{' {
		var o struct {
			Tag  string `json:"tag"`
			Name string `json:"name"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		*t = Tag(cmp.Or(o.Tag, o.Name))
		return nil
	}
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s != nil {
		*t = Tag(*s)
	}
	return nil
}

// Channels maps Help Scout's source types (the Source object's field
// guide: email, web, notification, emailfwd, api, chat) onto stormdesk's
// channels. Any other type (notification among them) is "other".
var Channels = map[string]string{
	"email": stormdesk.TicketChannelEmail, "emailfwd": stormdesk.TicketChannelEmail,
	"web": stormdesk.TicketChannelWeb, "api": stormdesk.TicketChannelAPI, "chat": stormdesk.TicketChannelChat,
}

// channel is the conversation's channel: a phone conversation is a call,
// whatever it was logged through (an agent logs one on the web or by the
// API); any other is its source's type, or without one its own type
// (email, chat).
func (c *Conversation) channel() string {
	if strings.EqualFold(strings.TrimSpace(c.Type), "phone") {
		return stormdesk.TicketChannelVoice
	}
	return connectors.Channel(cmp.Or(strings.TrimSpace(c.Source.Type), c.Type), Channels)
}

// Thread is one message of a conversation.
type Thread struct {
	Type string `json:"type"`
	Body string `json:"body"`
}

// ParseConversation reads a convo.created post's body.
func ParseConversation(body []byte) (*Conversation, error) {
	var c Conversation
	if err := connectors.DecodeJSON(body, &c); err != nil {
		return nil, err
	}
	if c.ID == "" {
		return nil, connectors.Invalid("id", "required")
	}
	if len(c.ID) > stormdesk.MaxExternalIDLen {
		return nil, connectors.Invalid("id", "longer than %d characters", stormdesk.MaxExternalIDLen)
	}
	return &c, nil
}

// Parse reads a convo.created post into its ticket; other events carry
// none.
func (*Webhook) Parse(h http.Header, body []byte) (connectors.Delivery, error) {
	event := h.Get(EventHeader)
	if event != EventCreated {
		if event == "" {
			return connectors.Delivery{}, connectors.Invalid(EventHeader, "missing")
		}
		return connectors.Delivery{Event: event, Ignored: "event " + event + " reports no new ticket"}, nil
	}
	c, err := ParseConversation(body)
	if err != nil {
		return connectors.Delivery{}, err
	}
	at, err := connectors.Time("createdAt", c.CreatedAt)
	if err != nil {
		return connectors.Delivery{}, err
	}
	t := &stormdesk.Ticket{Source: stormdesk.SourceHelpScout, ExternalID: string(c.ID), Subject: c.Subject, ReceivedAt: at}
	t.CustomerEmail, t.CustomerName = c.Customer.Email, join(c.Customer.FirstName, c.Customer.LastName)
	if t.CustomerEmail == "" {
		t.CustomerEmail, t.CustomerName = c.PrimaryCustomer.Email, join(c.PrimaryCustomer.First, c.PrimaryCustomer.Last)
	}
	// The customer's id is kept: a reply in the conversation names it.
	t.ExternalCustomerID = string(cmp.Or(c.Customer.ID, c.PrimaryCustomer.ID))
	if len(t.ExternalCustomerID) > stormdesk.MaxExternalIDLen {
		return connectors.Delivery{}, connectors.Invalid("customer.id", "longer than %d characters", stormdesk.MaxExternalIDLen)
	}
	t.Body = connectors.Text(firstCustomerThread(append(c.Threads, c.Embedded.Threads...)))
	if t.Body == "" {
		t.Body = strings.TrimSpace(c.Preview)
	}
	if strings.TrimSpace(t.Subject) == "" && t.Body == "" {
		t.Subject = "(no subject)"
	}
	tags := make([]string, len(c.Tags))
	for i, tag := range c.Tags {
		tags[i] = string(tag)
	}
	t.Tags, t.Channel = connectors.Tags(tags), c.channel()
	return connectors.Delivery{Event: event, Ticket: t}, nil
}

// firstCustomerThread is the body of the customer's message: the last
// customer thread listed, since Help Scout lists threads newest first.
func firstCustomerThread(threads []Thread) string {
	body := ""
	for _, th := range threads {
		if th.Type == "customer" && strings.TrimSpace(th.Body) != "" {
			body = th.Body
		}
	}
	return body
}

func join(first, last string) string {
	return strings.TrimSpace(strings.TrimSpace(first) + " " + strings.TrimSpace(last))
}
