package zendesk

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"stormdesk/connectors"
)

// The write-back: one problem ticket per stormdesk incident, the customers'
// tickets linked to it as incidents, comments on it, and its solving, which
// Zendesk carries to every linked incident.
//
// Unlike Export, the write calls never retry by themselves: a write retried
// blindly can create a second problem ticket or post a comment twice. Each
// call makes exactly one request and returns nil or an *APIError that says
// whether a retry is worth it and when (Retryable); the one retry stage
// that owns the delivery (the outbox) decides.

// TicketsPath is where tickets are created; TicketPath(id) updates one.
const TicketsPath = "/api/v2/tickets.json"

// TicketPath is the Update Ticket path of ticket id.
func TicketPath(id int64) string {
	return "/api/v2/tickets/" + strconv.FormatInt(id, 10) + ".json"
}

// APIError is a call that did not succeed (a write, or an export page
// the export gave up on): Zendesk's refusal (Status, and Zendesk's error
// and description as Reason) or no answer at all (Status 0). It never
// carries the credentials.
type APIError struct {
	Method, Path string
	// Status is the HTTP status; 0 when no answer came (network, timeout).
	Status int
	// Retry says whether the same call may succeed later: 429, 409 (a
	// concurrent update of the ticket), 5xx and no answer. 401, 403, 404,
	// 422 and other 4xx are permanent.
	Retry bool
	// RetryAfter is Zendesk's Retry-After on a 429 (a minute when absent)
	// or a 5xx (0 when absent: the caller's backoff decides).
	RetryAfter time.Duration
	// Reason is Zendesk's "error" and "description" (e.g. "RecordNotFound:
	// Not found"), or the transport's error.
	Reason string
	// Unsent, with Status 0, says the request never left: the connection
	// could not be made, so Zendesk cannot have acted on it.
	Unsent bool
}

func (e *APIError) Error() string {
	msg := fmt.Sprintf("zendesk: %s %s: ", e.Method, e.Path)
	if e.Status == 0 {
		msg += "no answer"
	} else {
		msg += fmt.Sprintf("%d %s", e.Status, http.StatusText(e.Status))
	}
	switch e.Status {
	case http.StatusUnauthorized:
		msg += " (check STORMDESK_ZENDESK_EMAIL and STORMDESK_ZENDESK_API_TOKEN, or STORMDESK_ZENDESK_OAUTH_TOKEN)"
	case http.StatusForbidden:
		msg += " (the export needs an admin's credentials; a write, an agent who may edit the ticket)"
	}
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	if e.Retry {
		msg += " (retryable"
		if e.RetryAfter > 0 {
			msg += " after " + e.RetryAfter.String()
		}
		msg += ")"
	}
	return msg
}

// Retryable is the retry stage's question about a write call's error: is
// it worth retrying, and not before when. nil and errors that are not an
// *APIError (a cancelled context, a bad argument) are not retryable.
func Retryable(err error) (retry bool, after time.Duration) {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Retry, ae.RetryAfter
	}
	return false, 0
}

type comment struct {
	Body   string `json:"body"`
	Public bool   `json:"public"`
}

// ticketWrite is the "ticket" object of Create Ticket and Update Ticket,
// with only the fields the write-back sets.
type ticketWrite struct {
	Subject string `json:"subject,omitempty"`
	Type    string `json:"type,omitempty"`
	Status  string `json:"status,omitempty"`
	// ProblemID is a pointer to a pointer so that Unlink can send null.
	ProblemID      **int64  `json:"problem_id,omitempty"`
	Comment        *comment `json:"comment,omitempty"`
	Tags           []string `json:"tags,omitempty"`
	AdditionalTags []string `json:"additional_tags,omitempty"`
	RemoveTags     []string `json:"remove_tags,omitempty"`
}

// CreateProblem creates a problem ticket with subject, internalNote as its
// first, internal comment, and tags, and returns its id. idempotencyKey,
// when set, is sent as Idempotency-Key (Zendesk's documented idempotency
// for ticket creation): a retry with the same key and body returns the
// ticket the first request created instead of a second one, so the outbox
// should derive it from the incident (e.g. "stormdesk-incident-42-problem")
// and keep it across retries.
func (c *Client) CreateProblem(ctx context.Context, idempotencyKey, subject, internalNote string, tags []string) (int64, error) {
	if strings.TrimSpace(subject) == "" {
		return 0, errors.New("zendesk: create problem: subject required")
	}
	body := ticketWrite{Subject: subject, Type: "problem",
		Comment: &comment{Body: internalNote, Public: false}, Tags: tags}
	var out struct {
		Ticket struct {
			ID int64 `json:"id"`
		} `json:"ticket"`
	}
	h := http.Header{}
	if idempotencyKey != "" {
		h.Set("Idempotency-Key", idempotencyKey)
	}
	if err := c.write(ctx, http.MethodPost, TicketsPath, h, body, &out); err != nil {
		return 0, err
	}
	if out.Ticket.ID == 0 {
		return 0, fmt.Errorf("zendesk: POST %s: answer without ticket.id", TicketsPath)
	}
	return out.Ticket.ID, nil
}

// LinkIncident makes ticket ticketID an incident of problem problemID,
// adds tag (e.g. "stormdesk_incident_42") and posts note as an internal
// comment. Repeating it changes nothing but a second note.
func (c *Client) LinkIncident(ctx context.Context, ticketID, problemID int64, tag, note string) error {
	if ticketID <= 0 || problemID <= 0 {
		return fmt.Errorf("zendesk: link incident: ticket %d, problem %d: ids required", ticketID, problemID)
	}
	p := &problemID
	body := ticketWrite{Type: "incident", ProblemID: &p}
	if tag != "" {
		body.AdditionalTags = []string{tag}
	}
	if note != "" {
		body.Comment = &comment{Body: note, Public: false}
	}
	return c.write(ctx, http.MethodPut, TicketPath(ticketID), nil, body, nil)
}

// Unlink undoes LinkIncident: the ticket goes back to type "question",
// without a problem, and loses tag. Repeating it changes nothing.
func (c *Client) Unlink(ctx context.Context, ticketID int64, tag string) error {
	if ticketID <= 0 {
		return fmt.Errorf("zendesk: unlink: ticket %d: id required", ticketID)
	}
	var none *int64
	body := ticketWrite{Type: "question", ProblemID: &none}
	if tag != "" {
		body.RemoveTags = []string{tag}
	}
	return c.write(ctx, http.MethodPut, TicketPath(ticketID), nil, body, nil)
}

// Comment posts body on ticket problemID, public or internal (a status
// update on the problem ticket).
func (c *Client) Comment(ctx context.Context, problemID int64, body string, public bool) error {
	if problemID <= 0 || strings.TrimSpace(body) == "" {
		return fmt.Errorf("zendesk: comment on %d: ticket id and body required", problemID)
	}
	return c.write(ctx, http.MethodPut, TicketPath(problemID), nil,
		ticketWrite{Comment: &comment{Body: body, Public: public}}, nil)
}

// Solve sets problem ticket problemID to solved with body as a public
// comment; Zendesk solves its linked incidents with that comment itself.
func (c *Client) Solve(ctx context.Context, problemID int64, body string) error {
	if problemID <= 0 || strings.TrimSpace(body) == "" {
		return fmt.Errorf("zendesk: solve %d: ticket id and body required", problemID)
	}
	return c.write(ctx, http.MethodPut, TicketPath(problemID), nil,
		ticketWrite{Status: "solved", Comment: &comment{Body: body, Public: true}}, nil)
}

// write makes exactly one request: body as JSON, the answer read into out
// (when not nil) on a 2xx, an *APIError otherwise.
func (c *Client) write(ctx context.Context, method, path string, h http.Header, body, out any) error {
	b, err := json.Marshal(map[string]any{"ticket": body})
	if err != nil {
		return fmt.Errorf("zendesk: %s %s: %w", method, path, err)
	}
	req, err := connectors.NewRequest(ctx, method, c.BaseURL, path, b)
	if err != nil {
		return fmt.Errorf("zendesk: %s %s: %w", method, path, err)
	}
	c.authorize(req)
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := c.httpClient().Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		// The transport's error names the URL (no credentials in it:
		// they travel in the Authorization header).
		return &APIError{Method: method, Path: path, Retry: true, Reason: c.redact(err.Error()), Unsent: connectors.Unsent(err)}
	}
	rb, rerr := connectors.ReadAnswer(resp)
	if resp.StatusCode/100 == 2 {
		if out == nil {
			return nil
		}
		if rerr == nil {
			rerr = json.Unmarshal(rb, out)
		}
		if rerr != nil {
			// Done, but unreadable: retrying would write twice.
			return fmt.Errorf("zendesk: %s %s: reading the answer: %w", method, path, rerr)
		}
		return nil
	}
	e := &APIError{Method: method, Path: path, Status: resp.StatusCode, Reason: c.redact(reason(rb))}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		e.Retry, e.RetryAfter = true, retryAfter(resp.Header.Get("Retry-After"))
	case resp.StatusCode == http.StatusConflict || resp.StatusCode >= 500:
		e.Retry = true
		if v := resp.Header.Get("Retry-After"); v != "" {
			e.RetryAfter = retryAfter(v)
		}
	}
	return e
}

// reason is Zendesk's error body in a line: "error: description" (error
// is a string, or an object with title and message), with 422's details;
// otherwise the body's first characters.
func reason(b []byte) string {
	var v struct {
		Error       json.RawMessage `json:"error"`
		Description string          `json:"description"`
		Details     json.RawMessage `json:"details"`
	}
	if json.Unmarshal(b, &v) != nil || (len(v.Error) == 0 && v.Description == "") {
		return snippet(b)
	}
	var parts []string
	var s string
	var o struct{ Title, Message string }
	switch {
	case json.Unmarshal(v.Error, &s) == nil && s != "":
		parts = append(parts, s)
	case json.Unmarshal(v.Error, &o) == nil && (o.Title != "" || o.Message != ""):
		parts = append(parts, strings.Trim(o.Title+": "+o.Message, ": "))
	}
	if v.Description != "" {
		parts = append(parts, v.Description)
	}
	if len(v.Details) > 0 && string(v.Details) != "null" {
		parts = append(parts, snippet(v.Details))
	}
	return snippet([]byte(strings.Join(parts, ": ")))
}

// redact blanks the credentials out of s, in case an answer echoes them.
func (c *Client) redact(s string) string {
	basic := ""
	if c.APIToken != "" {
		basic = base64.StdEncoding.EncodeToString([]byte(c.Email + "/token:" + c.APIToken))
	}
	return connectors.Redact(s, c.APIToken, c.OAuthToken, basic)
}

// Tag is the tag the write-back puts on an incident's problem ticket and
// on each ticket it links to it.
func Tag(incidentID int64) string { return "stormdesk_incident_" + strconv.FormatInt(incidentID, 10) }

// Desk is the write-back as stormdesk's helpdesk dispatcher drives it
// (notify.HelpdeskWriter): ids are Zendesk ticket ids in decimal, and
// each error says whether a retry is worth it (Retryable, RetryAfter,
// HTTPStatus), which the one retry stage reads.
type Desk struct{ Client *Client }

// CreateProblem creates the incident's problem ticket, tagged stormdesk
// and Tag(incidentID), with key as its idempotency key.
func (d Desk) CreateProblem(ctx context.Context, incidentID int64, key, subject, description string) (string, error) {
	id, err := d.Client.CreateProblem(ctx, key, subject, description, []string{"stormdesk", Tag(incidentID)})
	if err != nil {
		return "", writeErr(err)
	}
	return strconv.FormatInt(id, 10), nil
}

// Link links ticket to problem as an incident, tagged Tag(incidentID),
// with note as an internal comment.
func (d Desk) Link(ctx context.Context, incidentID int64, ticket, problem, note string) error {
	t, p, err := ids(ticket, problem)
	if err != nil {
		return err
	}
	return writeErr(d.Client.LinkIncident(ctx, t, p, Tag(incidentID), note))
}

// Unlink takes ticket out of its problem and removes Tag(incidentID).
func (d Desk) Unlink(ctx context.Context, incidentID int64, ticket string) error {
	t, _, err := ids(ticket, "")
	if err != nil {
		return err
	}
	return writeErr(d.Client.Unlink(ctx, t, Tag(incidentID)))
}

// Comment posts body on problem as a public comment, at most once (see
// once).
func (d Desk) Comment(ctx context.Context, problem, body string) error {
	_, p, err := ids("", problem)
	if err != nil {
		return err
	}
	return once(d.Client.Comment(ctx, p, body, true))
}

// Solve solves problem with body as a public comment, which Zendesk
// copies to every linked ticket, at most once (see once).
func (d Desk) Solve(ctx context.Context, problem, body string) error {
	_, p, err := ids("", problem)
	if err != nil {
		return err
	}
	return once(d.Client.Solve(ctx, p, body))
}

// once is writeErr for the writes customers would see twice if repeated
// (a public comment, the solving comment): when the request may have
// reached Zendesk but no answer came back (a timeout, a connection cut
// mid-request), whether it was made is unknown, so it is not retried.
// A connection that could not be made, a 429 and a 5xx are retried as
// usual: Zendesk did not act on them.
func once(err error) error {
	var ae *APIError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae) && ae.Status == 0 && !ae.Unsent,
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return permanent{fmt.Errorf("zendesk: no answer, so the comment may have been posted; not sent again: %w", err)}
	}
	return writeErr(err)
}

// ids parses the ticket and problem ids that are given ("" is skipped).
func ids(ticket, problem string) (t, p int64, err error) {
	for _, x := range []struct {
		s   string
		dst *int64
	}{{ticket, &t}, {problem, &p}} {
		if x.s == "" {
			continue
		}
		if *x.dst, err = strconv.ParseInt(x.s, 10, 64); err != nil || *x.dst <= 0 {
			return 0, 0, permanent{fmt.Errorf("zendesk: %q is not a Zendesk ticket id", x.s)}
		}
	}
	return t, p, nil
}

// writeError is an *APIError as the retry stage reads it.
type writeError struct{ *APIError }

func (e writeError) Unwrap() error             { return e.APIError }
func (e writeError) Retryable() bool           { return e.Retry }
func (e writeError) RetryAfter() time.Duration { return e.APIError.RetryAfter }
func (e writeError) HTTPStatus() int           { return e.Status }

// permanent is an error that no retry cures (a bad id, an unreadable
// answer to a write that may have happened).
type permanent struct{ error }

func (e permanent) Unwrap() error { return e.error }
func (permanent) Retryable() bool { return false }

// writeErr gives an error of the write calls the retry stage's methods:
// an *APIError says itself; a cancelled or timed-out context is retried;
// anything else (a bad argument, an answer unreadable after the write
// went through) is not, so that nothing is written twice.
func writeErr(err error) error {
	var ae *APIError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ae):
		return writeError{ae}
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return retryable{err}
	}
	return permanent{err}
}

// retryable is an error a later attempt may not meet (a timeout).
type retryable struct{ error }

func (e retryable) Unwrap() error { return e.error }
func (retryable) Retryable() bool { return true }
