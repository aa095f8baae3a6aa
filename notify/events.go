package notify

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"stormdesk"
)

// Headers of SendGrid's signed event webhook.
const (
	EventSignatureHeader = "X-Twilio-Email-Event-Webhook-Signature"
	EventTimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp"
)

// Event types of SendGrid's event webhook that stormdesk acts on. Others
// (open, click, deferred, ...) are parsed too and keep their own type.
const (
	EventProcessed        = "processed"
	EventDelivered        = "delivered"
	EventDeferred         = "deferred"
	EventBounce           = "bounce"
	EventDropped          = "dropped"
	EventSpamReport       = "spamreport"
	EventUnsubscribe      = "unsubscribe"
	EventGroupUnsubscribe = "group_unsubscribe"
)

// Event is one entry of an event webhook post.
type Event struct {
	Type      string
	Email     string
	Timestamp time.Time
	// SGEventID is unique per event (use it to deduplicate: SendGrid
	// delivers events at least once). SGMessageID is SendGrid's id.
	SGEventID   string
	SGMessageID string
	// MessageID, IncidentID and Batch are stormdesk's custom args: the
	// outbox message, its incident, and the claim token of the request.
	MessageID  string
	IncidentID int64
	Batch      string
	// Reason is SendGrid's reason (bounce, dropped) or response (deferred).
	Reason string
	// BounceType is "bounce" (permanent) or "blocked" (temporary) for
	// bounce events.
	BounceType string
	Categories []string
}

// Suppresses reports whether the event means the address must get no more
// mail: a permanent bounce, a drop, a spam report or an unsubscribe.
func (e *Event) Suppresses() bool {
	switch e.Type {
	case EventBounce:
		return e.BounceType != "blocked"
	case EventDropped, EventSpamReport, EventUnsubscribe, EventGroupUnsubscribe:
		return true
	}
	return false
}

// ProvesAccepted reports whether the event proves SendGrid accepted the
// request of its batch: every event of a message does, so this is true
// whenever the event names a stormdesk batch and message (pass them to
// Outbox.Reconcile).
func (e *Event) ProvesAccepted() bool { return e.Batch != "" && e.MessageID != "" }

// Delivered reports whether the event counts as a delivery.
func (e *Event) Delivered() bool { return e.Type == EventDelivered }

// MaxEvents bounds one webhook post (SendGrid batches by size and time;
// this keeps a bogus post from costing much).
const MaxEvents = 100_000

// ParseEvents decodes an event webhook post, a JSON array of events. An
// error (EINVALID) names the first bad event and field.
func ParseEvents(body []byte) ([]Event, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 || body[0] != '[' {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "events: want a JSON array of events")
	}
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "events: %s", jsonProblem(err))
	}
	if len(raw) > MaxEvents {
		return nil, stormdesk.Errorf(stormdesk.EINVALID, "events: %d events, more than %d", len(raw), MaxEvents)
	}
	out := make([]Event, 0, len(raw))
	for i, m := range raw {
		if m == nil {
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "events[%d]: want an object", i)
		}
		var e Event
		var err error
		str := func(key string, required bool) string {
			if err != nil {
				return ""
			}
			v, ok := m[key]
			if !ok || string(v) == "null" {
				if required {
					err = stormdesk.Errorf(stormdesk.EINVALID, "events[%d].%s: required", i, key)
				}
				return ""
			}
			var s string
			if json.Unmarshal(v, &s) == nil {
				return s
			}
			// Custom args and some ids can arrive as numbers.
			var n json.Number
			if json.Unmarshal(v, &n) == nil {
				return n.String()
			}
			err = stormdesk.Errorf(stormdesk.EINVALID, "events[%d].%s: want a string", i, key)
			return ""
		}
		e.Type = str("event", true)
		e.Email = str("email", true)
		e.SGEventID = str("sg_event_id", false)
		e.SGMessageID = str("sg_message_id", false)
		e.MessageID = str(ArgMessageID, false)
		e.Batch = str(ArgBatch, false)
		e.Reason = str("reason", false)
		if e.Reason == "" {
			e.Reason = str("response", false)
		}
		e.BounceType = str("type", false)
		if inc := str(ArgIncidentID, false); inc != "" && err == nil {
			if e.IncidentID, err = strconv.ParseInt(inc, 10, 64); err != nil {
				err = stormdesk.Errorf(stormdesk.EINVALID, "events[%d].%s: %q is not a number", i, ArgIncidentID, inc)
			}
		}
		if err != nil {
			return nil, err
		}
		if v, ok := m["timestamp"]; ok {
			var ts int64
			if json.Unmarshal(v, &ts) != nil {
				return nil, stormdesk.Errorf(stormdesk.EINVALID, "events[%d].timestamp: want Unix seconds", i)
			}
			e.Timestamp = time.Unix(ts, 0).UTC()
		}
		if v, ok := m["category"]; ok {
			var one string
			if json.Unmarshal(v, &one) == nil {
				e.Categories = []string{one}
			} else if json.Unmarshal(v, &e.Categories) != nil {
				return nil, stormdesk.Errorf(stormdesk.EINVALID, "events[%d].category: want a string or an array of strings", i)
			}
		}
		e.Email = strings.TrimSpace(e.Email)
		if e.Type == "" || e.Email == "" {
			field := "event"
			if e.Email == "" {
				field = "email"
			}
			return nil, stormdesk.Errorf(stormdesk.EINVALID, "events[%d].%s: required", i, field)
		}
		out = append(out, e)
	}
	return out, nil
}

func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "malformed JSON at byte " + strconv.FormatInt(se.Offset, 10)
	case errors.As(err, &te):
		return "want an array of objects"
	}
	return "malformed JSON"
}

// VerifyEventSignature checks SendGrid's signed event webhook: signature
// (the X-Twilio-Email-Event-Webhook-Signature header, base64 of an ASN.1
// ECDSA signature) over timestamp (the -Timestamp header) followed by the
// raw body, with the account's verification key (base64 of a DER P-256
// public key, as SendGrid shows it). It returns an EUNAUTHORIZED error
// when the post is not SendGrid's. Callers that want replay protection
// also reject timestamps that are too old.
func VerifyEventSignature(publicKeyBase64, signature, timestamp string, body []byte) error {
	der, err := base64.StdEncoding.DecodeString(strings.TrimSpace(publicKeyBase64))
	if err != nil {
		return stormdesk.Errorf(stormdesk.EINVALID, "event webhook key: not base64")
	}
	pub, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		return stormdesk.Errorf(stormdesk.EINVALID, "event webhook key: not a public key")
	}
	key, ok := pub.(*ecdsa.PublicKey)
	if !ok || key.Curve != elliptic.P256() {
		return stormdesk.Errorf(stormdesk.EINVALID, "event webhook key: not an ECDSA P-256 key")
	}
	if signature == "" || timestamp == "" {
		return stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "event webhook: missing signature or timestamp")
	}
	sig, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "event webhook: signature is not base64")
	}
	h := sha256.New()
	h.Write([]byte(timestamp))
	h.Write(body)
	if !ecdsa.VerifyASN1(key, h.Sum(nil), sig) {
		return stormdesk.Errorf(stormdesk.EUNAUTHORIZED, "event webhook: bad signature")
	}
	return nil
}

// EventSink is what SendGrid's events change (desk.Service): an address
// that must get no more mail is suppressed, and a batch SendGrid proves
// it accepted is settled.
type EventSink interface {
	Suppress(ctx context.Context, email, why, messageID string) error
	Accepted(ctx context.Context, token, messageID string) (int, error)
}

// Apply is EventsHandler's apply for sink: bounces, drops, spam reports
// and unsubscribes suppress the address; any event of a batch proves
// SendGrid accepted it (settling rows a crash left in doubt).
func Apply(sink EventSink) func(context.Context, []Event) error {
	return func(ctx context.Context, events []Event) error {
		for _, e := range events {
			if e.Suppresses() {
				if err := sink.Suppress(ctx, e.Email, e.Type, e.MessageID); err != nil {
					return fmt.Errorf("sendgrid events: suppress: %w", err)
				}
			}
			if e.ProvesAccepted() {
				if _, err := sink.Accepted(ctx, e.Batch, e.MessageID); err != nil {
					return fmt.Errorf("sendgrid events: reconcile: %w", err)
				}
			}
		}
		return nil
	}
}
