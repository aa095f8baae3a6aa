package httpserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"

	"stormdesk"
	"stormdesk/intake"
)

// The incident operations the chat commands offer, for scripts and other
// tools. Every body names its actor, who is recorded on the timeline. The
// bearer token is the authentication, so whoever holds it is trusted to
// name the actor. An email asked for through the API carries the
// requester key "api:" + actor, and the desk refuses its approval by the
// same key: a second name is needed, as a second person is in chat.

// maxOpBody bounds an operation's JSON body.
const maxOpBody = 64 << 10

// decodeBody decodes a small JSON body into v (a pointer to a struct)
// strictly: a missing or non-JSON Content-Type, unknown fields, wrong
// types, trailing data and an oversized body are errors that say what is
// wrong. It reports whether decoding succeeded; on failure it has answered.
func (s *Server) decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if ct := r.Header.Get("Content-Type"); !isJSON(ct) {
		if ct == "" {
			ct = "none"
		}
		writeErrorStatus(w, http.StatusUnsupportedMediaType, codeUnsupportedMedia,
			"Content-Type: want application/json, got "+ct+" (with curl, add -H 'Content-Type: application/json')")
		return false
	}
	// Read whole (operation bodies are small), so that a truncated one
	// can be reported with the byte where it stops.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxOpBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.ETOOLARGE, "request body: larger than %d bytes", maxOpBody))
		} else {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "request body: could not be read"))
		}
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if stormdesk.ErrorCode(err) != stormdesk.EINVALID {
			err = intake.JSONProblem(err, jsonFields(v), "request body", len(body))
		}
		s.writeError(w, r, err)
		return false
	}
	if dec.More() {
		s.writeError(w, r, intake.DocErrorf("request body", "unexpected data after the JSON value at byte %d", dec.InputOffset()))
		return false
	}
	return true
}

// jsonFields lists the JSON names of the fields of the struct v points to.
func jsonFields(v any) string {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// requireActor checks that the body named who does the operation.
func requireActor(actor, what string) error {
	if strings.TrimSpace(actor) == "" {
		return stormdesk.Errorf(stormdesk.EINVALID, "actor: required (who %s)", what)
	}
	return nil
}

// idAndActor reads the path's {id} and requires the body's actor (what
// is what the actor does, for the error).
func idAndActor(r *http.Request, actor, what string) (int64, error) {
	id, err := pathID(r)
	if err == nil {
		err = requireActor(actor, what)
	}
	return id, err
}

// op makes a handler that decodes the JSON body into a T, runs do with
// it and answers with do's status and value, or its error.
func op[T any](s *Server, do func(r *http.Request, in *T) (int, any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in T
		if !s.decodeBody(w, r, &in) {
			return
		}
		status, out, err := do(r, &in)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		writeJSON(w, status, out)
	}
}

// postIncident declares an incident:
// {"title": "...", "severity": "major", "actor": "..."} → 201.
func (s *Server) postIncident(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Title    string `json:"title"`
		Severity string `json:"severity"`
		Actor    string `json:"actor"`
	}) (int, any, error) {
		sev, err := stormdesk.ParseSeverity(in.Severity)
		if err == nil {
			err = requireActor(in.Actor, "declares the incident")
		}
		if err != nil {
			return 0, nil, err
		}
		inc, err := s.Desk.Declare(r.Context(), strings.TrimSpace(in.Title), sev, in.Actor)
		if err != nil {
			return 0, nil, err
		}
		w.Header().Set("Location", "/api/v1/incidents/"+strconv.FormatInt(inc.ID, 10))
		return http.StatusCreated, inc, nil
	})(w, r)
}

// actorOnly is the body of operations that need nothing but their actor.
type actorOnly struct {
	Actor string `json:"actor"`
}

// postAcknowledge acknowledges an incident: {"actor": "..."}.
func (s *Server) postAcknowledge(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *actorOnly) (int, any, error) {
		id, err := idAndActor(r, in.Actor, "acknowledges")
		if err != nil {
			return 0, nil, err
		}
		inc, err := s.Desk.Acknowledge(r.Context(), id, in.Actor, "api:"+in.Actor)
		return http.StatusOK, inc, err
	})(w, r)
}

// postStatus moves an incident to a new status with a customer-facing
// message: {"status": "identified", "message": "...", "actor": "..."}.
func (s *Server) postStatus(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Status  string `json:"status"`
		Message string `json:"message"`
		Actor   string `json:"actor"`
	}) (int, any, error) {
		id, err := pathID(r)
		var next stormdesk.Status
		if err == nil {
			next, err = stormdesk.ParseStatus(in.Status)
		}
		if err == nil {
			err = requireActor(in.Actor, "changes the status")
		}
		if err != nil {
			return 0, nil, err
		}
		inc, err := s.Desk.SetStatus(r.Context(), id, next, strings.TrimSpace(in.Message), in.Actor, "api:"+in.Actor)
		return http.StatusOK, inc, err
	})(w, r)
}

// postNote adds a note to the timeline: {"text": "...", "actor": "..."} → 201.
func (s *Server) postNote(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Text  string `json:"text"`
		Actor string `json:"actor"`
	}) (int, any, error) {
		id, err := idAndActor(r, in.Actor, "writes the note")
		if err != nil {
			return 0, nil, err
		}
		e, err := s.Desk.AddNote(r.Context(), id, in.Text, in.Actor, time.Time{})
		return http.StatusCreated, e, err
	})(w, r)
}

// postMerge merges the incident into another: {"into": 7, "actor": "..."},
// answering with the surviving incident.
func (s *Server) postMerge(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Into  int64  `json:"into"`
		Actor string `json:"actor"`
	}) (int, any, error) {
		id, err := pathID(r)
		if err == nil && in.Into <= 0 {
			err = stormdesk.Errorf(stormdesk.EINVALID, "into: required, the id of the incident to merge into")
		}
		if err == nil {
			err = requireActor(in.Actor, "merges")
		}
		if err == nil {
			err = s.Desk.Merge(r.Context(), id, in.Into, in.Actor)
		}
		if err != nil {
			return 0, nil, err
		}
		inc, err := s.Desk.Incident(r.Context(), in.Into)
		return http.StatusOK, inc, err
	})(w, r)
}

// sendResponse is the answer to an email request or decision.
type sendResponse struct {
	Email    *stormdesk.OutboundMessage `json:"email"`
	Held     bool                       `json:"held"`
	Queued   int                        `json:"queued"`
	Audience int                        `json:"audience"`
}

// sent answers an email request or decision: 200, or 202 while the email
// waits for a second person's approval.
func sent(res stormdesk.SendResult, err error) (int, any, error) {
	if err != nil {
		return 0, nil, err
	}
	status := http.StatusOK
	if res.Held() {
		status = http.StatusAccepted
	}
	return status, sendResponse{Email: res.Message, Held: res.Held(), Queued: res.Queued, Audience: res.Audience}, nil
}

// postEmail asks for a customer email about the incident:
// {"template": "update", "actor": "..."}. 200 when it was queued, 202 when
// it is held for approval (more recipients than the approval threshold,
// or the incident's policy says approve).
func (s *Server) postEmail(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Template string `json:"template"`
		Actor    string `json:"actor"`
	}) (int, any, error) {
		id, err := pathID(r)
		if err == nil && strings.TrimSpace(in.Template) == "" {
			err = stormdesk.Errorf(stormdesk.EINVALID, "template: required (acknowledged, update or resolved)")
		}
		if err == nil {
			err = requireActor(in.Actor, "asks for the email")
		}
		if err != nil {
			return 0, nil, err
		}
		return sent(s.Desk.Notify(r.Context(), id, strings.TrimSpace(in.Template), in.Actor, "api:"+in.Actor))
	})(w, r)
}

// postEmailDecision approves or cancels a held email: {"actor": "..."}.
func (s *Server) postEmailDecision(approve bool) http.HandlerFunc {
	return op(s, func(r *http.Request, in *actorOnly) (int, any, error) {
		messageID := r.PathValue("message_id")
		if !approve {
			if err := requireActor(in.Actor, "cancels the email"); err != nil {
				return 0, nil, err
			}
			return sent(s.Desk.CancelNotification(r.Context(), messageID, in.Actor))
		}
		if err := requireActor(in.Actor, "approves the email"); err != nil {
			return 0, nil, err
		}
		return sent(s.Desk.ApproveNotification(r.Context(), messageID, in.Actor, "api:"+in.Actor))
	})
}

// postPublish publishes an acknowledged incident on the status page:
// {"title": "Login problems", "actor": "..."} (title optional).
func (s *Server) postPublish(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Title string `json:"title"`
		Actor string `json:"actor"`
	}) (int, any, error) {
		id, err := idAndActor(r, in.Actor, "publishes")
		if err != nil {
			return 0, nil, err
		}
		inc, err := s.Desk.Publish(r.Context(), id, in.Title, in.Actor)
		return http.StatusOK, inc, err
	})(w, r)
}

// putComponentStatus sets a status page component's state by hand:
// {"status": "degraded", "actor": "..."}; "auto" lifts the override.
func (s *Server) putComponentStatus(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *struct {
		Status string `json:"status"`
		Actor  string `json:"actor"`
	}) (int, any, error) {
		if strings.TrimSpace(in.Status) == "" {
			return 0, nil, stormdesk.Errorf(stormdesk.EINVALID, "status: required (operational, degraded, partial, major, maintenance, or auto to follow incidents again)")
		}
		st, err := stormdesk.ParseComponentStatus(in.Status)
		if err == nil {
			err = requireActor(in.Actor, "sets the component's state")
		}
		if err != nil {
			return 0, nil, err
		}
		o, err := s.Desk.SetComponentStatus(r.Context(), r.PathValue("component"), st, in.Actor)
		return http.StatusOK, o, err
	})(w, r)
}
