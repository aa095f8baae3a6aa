package httpserver

import (
	"cmp"
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/desk"
	"stormdesk/intake"
)

// The outside services' endpoints. Their routes are here, with the API's;
// the adapters that speak each service provide the handlers through these
// interfaces, and carry their own authentication (signatures, secrets).

// Slack is what the Slack front end (bot/slack) serves.
type Slack interface {
	CommandsHandler() http.Handler
	InteractionsHandler() http.Handler
	EventsHandler() http.Handler
}

// Discord is what the Discord front end (bot/discord) serves.
type Discord interface {
	InteractionsHandler() http.Handler
}

// Email is customer email's side of the edge.
type Email struct {
	// VerifyUnsubscribe returns the address a signed unsubscribe token
	// names and, for a token scoped to status page components, their ids
	// (nil: everything; notify.VerifyUnsubscribeScope with the secret).
	VerifyUnsubscribe func(token string) (email string, components []string, err error)
	// Events serves SendGrid's signed event webhook (notify.EventsHandler);
	// nil when it is not configured.
	Events http.Handler
	// VerifyConfirm returns the address and component ids a signed
	// status page confirmation token names, and when it was issued
	// (notify.VerifyConfirm with the
	// secret and the clock); nil: the page takes no subscriptions.
	VerifyConfirm func(token string) (email string, components []string, issued time.Time, err error)
}

// Inbound configures SendGrid Inbound Parse's webhook: each email becomes
// a ticket.
type Inbound struct {
	// Secret is the last segment of the route, compared in constant time.
	Secret string
	// MaxBytes bounds one email with its attachments (counted, never kept).
	MaxBytes int64
}

// DefaultInboundMaxBytes bounds one inbound email (SendGrid posts up to
// 30 MB with attachments).
const DefaultInboundMaxBytes = 30 << 20

// route is one endpoint of an outside service, in its rate-limit class.
type route struct {
	pattern, class string
	h              http.Handler
}

// edgeRoutes lists the outside services' endpoints that are configured.
func (s *Server) edgeRoutes() []route {
	var rs []route
	if s.Slack != nil {
		rs = append(rs, route{"POST /slack/commands", ClassChat, s.Slack.CommandsHandler()},
			route{"POST /slack/interactions", ClassChat, s.Slack.InteractionsHandler()},
			route{"POST /slack/events", ClassChat, s.Slack.EventsHandler()})
	}
	if s.Discord != nil {
		rs = append(rs, route{"POST /discord/interactions", ClassChat, s.Discord.InteractionsHandler()})
	}
	if s.Inbound != nil {
		rs = append(rs, route{"POST /inbound/sendgrid/{secret}", ClassEmail, http.HandlerFunc(s.inbound)})
	}
	if s.Connectors != nil {
		for _, c := range s.Connectors.Webhooks {
			rs = append(rs, route{"POST /connectors/" + c.Name() + "/webhook", ClassHelpdesk, s.connector(c)})
		}
	}
	if s.Email != nil {
		rs = append(rs, route{"GET /unsubscribe", ClassPublic, http.HandlerFunc(s.unsubscribe)},
			route{"POST /unsubscribe", ClassPublic, http.HandlerFunc(s.unsubscribe)})
		if s.Email.Events != nil {
			rs = append(rs, route{"POST /sendgrid/events", ClassEmail, s.Email.Events})
		}
		if s.Email.VerifyConfirm != nil && s.Desk.Subscriptions() {
			rs = append(rs, route{"POST /status/subscribe", ClassPublic, http.HandlerFunc(s.postSubscribe)},
				route{"GET /status/confirm", ClassPublic, http.HandlerFunc(s.confirmSubscription)},
				route{"POST /status/confirm", ClassPublic, http.HandlerFunc(s.confirmSubscription)})
		}
	}
	return rs
}

// inbound is SendGrid Inbound Parse's webhook: each email becomes a
// ticket (source email, the Message-ID as external id so a retried
// delivery stores one ticket). It answers 2xx only once the ticket is
// stored, so that SendGrid retries anything that was not.
func (s *Server) inbound(w http.ResponseWriter, r *http.Request) {
	if !secretMatches(r.PathValue("secret"), s.Inbound.Secret) {
		s.writeError(w, r, stormdesk.Errorf(stormdesk.ENOTFOUND, "no such inbound address"))
		return
	}
	in, err := intake.ParseInbound(r, cmp.Or(s.Inbound.MaxBytes, DefaultInboundMaxBytes))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	t := &stormdesk.Ticket{Source: stormdesk.SourceEmail, ExternalID: in.MessageID, CustomerEmail: in.From.Address,
		CustomerName: in.From.Name, Subject: in.Subject, Body: in.Text, ReceivedAt: in.Date, Channel: stormdesk.TicketChannelEmail}
	if strings.TrimSpace(t.Subject) == "" {
		t.Subject = "(no subject)"
	}
	s.ingestReport(w, r, t, map[string]any{})
}

// ingestReport stores a report that came from outside (an email, a
// helpdesk's post) and answers with its id: 201 when it is new, 200 when
// the same (source, external id) was stored before, so the sender's
// retries store one ticket. A sender's clock in the future is not a
// reason to lose the report: it is stamped with the time it arrived.
func (s *Server) ingestReport(w http.ResponseWriter, r *http.Request, t *stormdesk.Ticket, answer map[string]any) {
	if !t.ReceivedAt.IsZero() && t.ReceivedAt.After(s.Desk.Now().Add(desk.MaxFutureSkew)) {
		t.ReceivedAt = time.Time{}
	}
	created, err := s.Desk.IngestTicket(r.Context(), t)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	answer["ticket_id"], answer["created"] = t.ID, created
	writeJSON(w, status, answer)
}

// unsubscribe acts on a signed unsubscribe link: the link in every email
// (GET) and a POST of it. A link for everything takes the address off
// every future customer email, as it always did. A link scoped to status
// page components (in an email about them) removes only those component
// subscriptions, and the page it answers with offers one button to stop
// everything (a POST of the same token with scope=all: any of the
// address's links proves its owner holds it). Answers are small HTML
// pages: a person reads them.
func (s *Server) unsubscribe(w http.ResponseWriter, r *http.Request) {
	token, scope := r.URL.Query().Get("token"), r.URL.Query().Get("scope")
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxSubscribeForm)
		if err := r.ParseForm(); err == nil && r.PostForm.Get("token") != "" {
			token, scope = r.PostForm.Get("token"), r.PostForm.Get("scope")
		}
	}
	email, comps, err := s.Email.VerifyUnsubscribe(token)
	if err != nil {
		s.page(w, http.StatusBadRequest, "This link does not work", "This unsubscribe link is not valid. Reply to any of our emails and we will take you off the list.", nil)
		return
	}
	if scope == "all" {
		comps = nil
	}
	res, err := s.Desk.Unsubscribe(r.Context(), email, comps)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if res.All {
		s.page(w, http.StatusOK, "You are unsubscribed", email+" will get no more incident emails from us.", nil)
		return
	}
	text := "You were not subscribed to " + strings.Join(res.Components, ", ") + " (any more)."
	if len(res.Removed) > 0 {
		text = "You will get no more emails about " + strings.Join(res.Removed, ", ") + " at " + email + "."
	}
	if len(res.Remaining) > 0 {
		text += " You are still subscribed to " + strings.Join(res.Remaining, ", ") + "."
	}
	text += " Emails about problems you reported yourself still reach you; the button stops all email from us."
	s.page(w, http.StatusOK, "Unsubscribed", text, &pageForm{Action: "/unsubscribe", Token: token, Scope: "all", Button: "Stop all email from us"})
}

// secretMatches compares a secret from a route in constant time.
func secretMatches(got, want string) bool {
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}
