package zendesk

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/connectors"
)

// ExportPath is the Incremental Ticket Export, cursor-based: the first
// request names start_time (Unix seconds), each next one the previous
// page's after_cursor, until end_of_stream.
const ExportPath = "/api/v2/incremental/tickets/cursor.json"

// ExportInclude is what each export page sideloads: the requesters' email
// and name, and the organisations' names.
const ExportInclude = "users,organizations"

// Client speaks Zendesk's REST API: the backfill's Incremental Ticket
// Export (Export) and the write-back calls (writeback.go). Set Email and APIToken (basic auth
// "email/token:apitoken") or OAuthToken (bearer).
type Client struct {
	// BaseURL is https://SUBDOMAIN.zendesk.com (BaseURLFor), or a stand-in.
	BaseURL                     string
	Email, APIToken, OAuthToken string
	HTTP                        *http.Client
	// MaxRetries bounds the retries of one request after a 429 or a 5xx
	// (default 5).
	MaxRetries int
	// Sleep waits d or until ctx is done (default: a timer); tests
	// replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// Waited, when set, is told of each wait before a retry.
	Waited func(status int, d time.Duration)
}

// BaseURLFor is the API's base URL for a subdomain ("acme" or
// "acme.zendesk.com").
func BaseURLFor(subdomain string) string {
	s := strings.TrimSuffix(strings.TrimSpace(subdomain), ".zendesk.com")
	return "https://" + s + ".zendesk.com"
}

// ExportTicket is a ticket as the export returns it (the fields read).
type ExportTicket struct {
	ID             connectors.ID `json:"id"`
	Subject        string        `json:"subject"`
	Description    string        `json:"description"`
	Status         string        `json:"status"`
	RequesterID    connectors.ID `json:"requester_id"`
	OrganizationID connectors.ID `json:"organization_id"`
	CreatedAt      string        `json:"created_at"`
	UpdatedAt      string        `json:"updated_at"`
	Tags           []string      `json:"tags"`
	Via            struct {
		Channel ViaChannel `json:"channel"`
	} `json:"via"`
	// GeneratedTimestamp (Unix seconds) orders the export.
	GeneratedTimestamp int64 `json:"generated_timestamp"`
}

// ExportUser is a sideloaded user.
type ExportUser struct {
	ID    connectors.ID `json:"id"`
	Name  string        `json:"name"`
	Email string        `json:"email"`
}

// ExportOrganization is a sideloaded organisation.
type ExportOrganization struct {
	ID   connectors.ID `json:"id"`
	Name string        `json:"name"`
}

// ExportPage is one page of the export.
type ExportPage struct {
	Tickets       []ExportTicket       `json:"tickets"`
	Users         []ExportUser         `json:"users"`
	Organizations []ExportOrganization `json:"organizations"`
	AfterCursor   string               `json:"after_cursor"`
	AfterURL      string               `json:"after_url"`
	EndOfStream   bool                 `json:"end_of_stream"`
}

// StormdeskTickets maps the page's tickets (see Ticket); deleted tickets
// are skipped, and tickets that do not read come back as errors keyed by
// their Zendesk id.
func (p *ExportPage) StormdeskTickets() (out []*stormdesk.Ticket, bad map[string]error) {
	users := make(map[connectors.ID]ExportUser, len(p.Users))
	for _, u := range p.Users {
		users[u.ID] = u
	}
	orgs := make(map[connectors.ID]string, len(p.Organizations))
	for _, o := range p.Organizations {
		orgs[o.ID] = o.Name
	}
	for _, et := range p.Tickets {
		if et.Status == "deleted" {
			continue
		}
		u := users[et.RequesterID]
		var org string
		if et.OrganizationID != "" {
			org = orgs[et.OrganizationID]
		}
		t, err := ticket(et.ID, et.Subject, et.Description, u.Email, u.Name, org, et.CreatedAt, et.Tags, string(et.Via.Channel))
		if err != nil {
			if bad == nil {
				bad = map[string]error{}
			}
			bad[string(et.ID)] = err
			continue
		}
		out = append(out, t)
	}
	return out, bad
}

// ViaChannel is a via object's channel: Zendesk documents it as a via
// type (a string: "email", "web", "api") or a via id (a number: 0, 4,
// 5); a number is kept as its decimal text, which Channels also maps.
type ViaChannel string

// UnmarshalJSON takes a string, a number or null.
func (v *ViaChannel) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*v = ViaChannel(n.String())
		return nil
	}
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s != nil {
		*v = ViaChannel(*s)
	}
	return nil
}

// Channels maps Zendesk's names for how a ticket came in onto stormdesk's
// channels, keyed as connectors.Channel keys them: the via types of
// Zendesk's "Via types reference" and the API's via.channel, the names
// the {{ticket.via}} placeholder renders ("Web form", "Mail", "Web
// service", "Phone call (incoming)"), and the via ids the reference
// lists for the web form (0), email (4) and the API (5). Any other via
// (a trigger, a merge, a side conversation) is "other".
var Channels = map[string]string{
	"mail": stormdesk.TicketChannelEmail, "email": stormdesk.TicketChannelEmail, "4": stormdesk.TicketChannelEmail,
	"web": stormdesk.TicketChannelWeb, "web_form": stormdesk.TicketChannelWeb, "web_widget": stormdesk.TicketChannelWeb,
	"dropbox": stormdesk.TicketChannelWeb, "feedback_tab": stormdesk.TicketChannelWeb, "help_center": stormdesk.TicketChannelWeb,
	"0":   stormdesk.TicketChannelWeb,
	"api": stormdesk.TicketChannelAPI, "web_service": stormdesk.TicketChannelAPI, "web_service_api": stormdesk.TicketChannelAPI,
	"5":    stormdesk.TicketChannelAPI,
	"chat": stormdesk.TicketChannelChat, "chat_transcript": stormdesk.TicketChannelChat, "chat_offline_message": stormdesk.TicketChannelChat,
	"native_messaging": stormdesk.TicketChannelChat, "messaging": stormdesk.TicketChannelChat,
	"voice": stormdesk.TicketChannelVoice, "voicemail": stormdesk.TicketChannelVoice, "phone": stormdesk.TicketChannelVoice,
	"phone_call_inbound": stormdesk.TicketChannelVoice, "phone_call_outbound": stormdesk.TicketChannelVoice,
	"phone_call_incoming": stormdesk.TicketChannelVoice, "phone_call_outgoing": stormdesk.TicketChannelVoice,
	"sms": stormdesk.TicketChannelSMS, "text": stormdesk.TicketChannelSMS,
	"twitter": stormdesk.TicketChannelSocial, "twitter_dm": stormdesk.TicketChannelSocial, "twitter_direct_message": stormdesk.TicketChannelSocial,
	"facebook": stormdesk.TicketChannelSocial, "facebook_post": stormdesk.TicketChannelSocial, "facebook_message": stormdesk.TicketChannelSocial,
	"instagram_dm": stormdesk.TicketChannelSocial, "whatsapp": stormdesk.TicketChannelSocial,
	"mobile": stormdesk.TicketChannelMobile, "mobile_sdk": stormdesk.TicketChannelMobile, "iphone": stormdesk.TicketChannelMobile,
	"android": stormdesk.TicketChannelMobile,
}

// ticket is the one mapping of a Zendesk ticket, webhook and export alike.
// Tags are bounded as connectors.Tags says; via is mapped by Channels.
func ticket(id connectors.ID, subject, description, email, name, org, createdAt string, tags []string, via string) (*stormdesk.Ticket, error) {
	if id == "" {
		return nil, connectors.Invalid("ticket.id", "required")
	}
	if len(id) > stormdesk.MaxExternalIDLen {
		return nil, connectors.Invalid("ticket.id", "longer than %d characters", stormdesk.MaxExternalIDLen)
	}
	at, err := connectors.Time("ticket.created_at", createdAt)
	if err != nil {
		return nil, err
	}
	t := &stormdesk.Ticket{Source: stormdesk.SourceZendesk, ExternalID: string(id),
		CustomerEmail: email, CustomerName: name, Organisation: org, Subject: subject,
		Body: connectors.Text(description), ReceivedAt: at,
		Tags: connectors.Tags(tags), Channel: connectors.Channel(via, Channels)}
	if strings.TrimSpace(t.Subject) == "" && t.Body == "" {
		t.Subject = "(no subject)"
	}
	return t, nil
}

// Export pages through the export from since (clamped to a minute ago:
// Zendesk leaves out the last minute) and calls page with each page, in
// order, until end_of_stream. It follows after_cursor against BaseURL
// rather than after_url, so the credentials only ever go to BaseURL.
func (c *Client) Export(ctx context.Context, since time.Time, page func(*ExportPage) error) error {
	if latest := time.Now().Add(-time.Minute); since.After(latest) {
		since = latest
	}
	q := url.Values{"start_time": {strconv.FormatInt(since.Unix(), 10)}, "include": {ExportInclude}}
	for {
		var p ExportPage
		if err := c.get(ctx, ExportPath, q, &p); err != nil {
			return err
		}
		if err := page(&p); err != nil {
			return err
		}
		if p.EndOfStream {
			return nil
		}
		if p.AfterCursor == "" {
			return fmt.Errorf("zendesk: export page without after_cursor before end_of_stream")
		}
		q = url.Values{"cursor": {p.AfterCursor}, "include": {ExportInclude}}
	}
}

func (c *Client) get(ctx context.Context, path string, q url.Values, into any) error {
	u := strings.TrimRight(c.BaseURL, "/") + path + "?" + q.Encode()
	retries := c.MaxRetries
	if retries <= 0 {
		retries = 5
	}
	hc := c.httpClient()
	backoff := time.Second
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return err
		}
		c.authorize(req)
		resp, err := hc.Do(req)
		var wait time.Duration
		status := 0
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			wait = backoff
		} else {
			status = resp.StatusCode
			body, rerr := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
			resp.Body.Close()
			switch {
			case status == http.StatusOK && rerr == nil:
				if err := json.Unmarshal(body, into); err != nil {
					return fmt.Errorf("zendesk: GET %s: reading the response: %w", path, err)
				}
				return nil
			case status == http.StatusTooManyRequests:
				wait = retryAfter(resp.Header.Get("Retry-After"))
			case status >= 500 || rerr != nil:
				wait = backoff
			default:
				return &APIError{Method: http.MethodGet, Path: path, Status: status, Reason: c.redact(reason(body))}
			}
			err = &APIError{Method: http.MethodGet, Path: path, Status: status, Retry: true, Reason: c.redact(reason(body))}
		}
		if attempt >= retries {
			return fmt.Errorf("zendesk: giving up after %d retries: %w", retries, err)
		}
		if c.Waited != nil {
			c.Waited(status, wait)
		}
		sleep := c.Sleep
		if sleep == nil {
			sleep = sleepCtx
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
		if status != http.StatusTooManyRequests {
			backoff = min(backoff*2, time.Minute)
		}
	}
}

// httpClient is HTTP, or a client with a minute's timeout.
func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return &http.Client{Timeout: 60 * time.Second}
}

// authorize sets the one way every request authenticates: bearer for an
// OAuth token, else basic "email/token:apitoken"; and asks for JSON.
func (c *Client) authorize(req *http.Request) {
	req.Header.Set("Accept", "application/json")
	switch {
	case c.OAuthToken != "":
		req.Header.Set("Authorization", "Bearer "+c.OAuthToken)
	case c.APIToken != "":
		req.SetBasicAuth(c.Email+"/token", c.APIToken)
	}
}

// retryAfter reads Retry-After in seconds (Zendesk's form); missing or
// unreadable, a minute: the export allows 10 requests a minute.
func retryAfter(v string) time.Duration {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return time.Minute
	}
	return min(time.Duration(n)*time.Second, 10*time.Minute)
}

// snippet is a refusal's body for an error message: one line, bounded.
func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
