// Package intercom reads Intercom's webhook notifications into tickets:
// an app in the Developer Hub subscribed to the topics
// conversation.user.created and conversation.user.replied, whose posts
// are signed with the app's client secret.
package intercom

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/hex"
	"net/http"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// SignatureHeader carries "sha1=" and the hex HMAC-SHA1 of the body,
// keyed with the app's client secret.
const SignatureHeader = "X-Hub-Signature"

// The topics read into tickets: a contact's new conversation, and a
// contact's reply on one (a follow-up, not a new report: it names the
// conversation already stored).
const (
	TopicCreated = "conversation.user.created"
	TopicReplied = "conversation.user.replied"
)

// Webhook verifies and reads Intercom's notifications.
type Webhook struct {
	// ClientSecret is the app's client secret (Developer Hub → the app →
	// Basic information).
	ClientSecret string
}

// Name is the source of its tickets.
func (*Webhook) Name() string { return stormdesk.SourceIntercom }

// Verify checks X-Hub-Signature over the body. Intercom signs no
// timestamp, so there is nothing to bound a replay by: a notification
// posted again names a conversation already stored and stores nothing.
func (w *Webhook) Verify(h http.Header, body []byte) (connectors.Signed, error) {
	sig := h.Get(SignatureHeader)
	if sig == "" {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader, "missing")
	}
	hexSig, ok := strings.CutPrefix(sig, "sha1=")
	if !ok {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader, "want sha1=<hex digest>")
	}
	got, err := hex.DecodeString(hexSig)
	if err != nil {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader, "the digest is not hex")
	}
	mac := hmac.New(sha1.New, []byte(w.ClientSecret))
	mac.Write(body)
	if !hmac.Equal(got, mac.Sum(nil)) {
		return connectors.Signed{}, connectors.Unauthorized(SignatureHeader,
			"does not match the body (is STORMDESK_INTERCOM_CLIENT_SECRET the app's client secret?)")
	}
	return connectors.Signed{}, nil
}

// Notification is the part of Intercom's notification envelope read
// here: the topic and, for conversation topics, the conversation (the
// Conversation model of the REST API).
type Notification struct {
	Topic string `json:"topic"`
	Data  struct {
		Item struct {
			Type string        `json:"type"`
			ID   connectors.ID `json:"id"`
			// CreatedAt is when the conversation began, in Unix seconds.
			CreatedAt int64 `json:"created_at"`
			// Tags are the conversation's tags (a tag.list).
			Tags struct {
				Tags []struct {
					Name string `json:"name"`
				} `json:"tags"`
			} `json:"tags"`
			// Source is the conversation's first message. Its type is
			// the channel it came through (Channels); delivered_as says
			// who started the conversation (customer_initiated,
			// admin_initiated, automated...), not through what, and is
			// not read.
			Source struct {
				Type    string `json:"type"`
				Subject string `json:"subject"`
				Body    string `json:"body"`
				Author  struct {
					Type  string `json:"type"`
					Name  string `json:"name"`
					Email string `json:"email"`
				} `json:"author"`
			} `json:"source"`
		} `json:"item"`
	} `json:"data"`
}

// Channels maps the conversation source types of Intercom's Conversation
// model (conversation, email, facebook, instagram, phone_call,
// phone_switch, push, sms, twitter, whatsapp) onto stormdesk's channels;
// "conversation" is the Messenger, a chat. Any other type is "other".
var Channels = map[string]string{
	"conversation": stormdesk.TicketChannelChat,
	"email":        stormdesk.TicketChannelEmail,
	"phone_call":   stormdesk.TicketChannelVoice, "phone_switch": stormdesk.TicketChannelVoice,
	"sms":      stormdesk.TicketChannelSMS,
	"facebook": stormdesk.TicketChannelSocial, "instagram": stormdesk.TicketChannelSocial,
	"twitter": stormdesk.TicketChannelSocial, "whatsapp": stormdesk.TicketChannelSocial,
	"push": stormdesk.TicketChannelMobile,
}

// ParseNotification reads a notification's body.
func ParseNotification(body []byte) (*Notification, error) {
	var n Notification
	if err := connectors.DecodeJSON(body, &n); err != nil {
		return nil, err
	}
	if n.Topic == "" {
		return nil, connectors.Invalid("topic", "required")
	}
	if n.Topic != TopicCreated && n.Topic != TopicReplied {
		return &n, nil
	}
	switch it := n.Data.Item; {
	case it.Type != "conversation":
		return nil, connectors.Invalid("data.item.type", "%q is not conversation", it.Type)
	case it.ID == "":
		return nil, connectors.Invalid("data.item.id", "required")
	case len(it.ID) > stormdesk.MaxExternalIDLen:
		return nil, connectors.Invalid("data.item.id", "longer than %d characters", stormdesk.MaxExternalIDLen)
	}
	return &n, nil
}

// Parse reads a notification into the conversation's ticket. Topics
// other than the two subscribed for (the ping a new webhook gets) carry
// no ticket.
func (*Webhook) Parse(_ http.Header, body []byte) (connectors.Delivery, error) {
	n, err := ParseNotification(body)
	if err != nil {
		return connectors.Delivery{}, err
	}
	if n.Topic != TopicCreated && n.Topic != TopicReplied {
		return connectors.Delivery{Event: n.Topic, Ignored: "topic " + n.Topic + " reports no ticket"}, nil
	}
	it := n.Data.Item
	var at time.Time
	if it.CreatedAt != 0 {
		at = time.Unix(it.CreatedAt, 0).UTC()
		if err := stormdesk.CheckReceivedAt(at); err != nil {
			return connectors.Delivery{}, connectors.Invalid("data.item.created_at", "%d is out of range", it.CreatedAt)
		}
	}
	src := it.Source
	t := &stormdesk.Ticket{Source: stormdesk.SourceIntercom, ExternalID: string(it.ID),
		CustomerEmail: src.Author.Email, CustomerName: src.Author.Name,
		Subject: connectors.Text(src.Subject), Body: connectors.Text(src.Body), ReceivedAt: at}
	if t.Subject == "" && t.Body == "" {
		t.Subject = "(no subject)"
	}
	tags := make([]string, len(it.Tags.Tags))
	for i, tag := range it.Tags.Tags {
		tags[i] = tag.Name
	}
	t.Tags, t.Channel = connectors.Tags(tags), connectors.Channel(src.Type, Channels)
	return connectors.Delivery{Event: n.Topic, Ticket: t}, nil
}
