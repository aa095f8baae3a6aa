package httpserver

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"stormdesk"
)

// The operators' subscriptions API: list (by component or address, a
// page at a time), remove one component subscription, and read an
// address's record with its history. Behind the API token like every
// /api/v1 route.

// subscriptionView is a subscription as the API shows it: a component
// subscription names its component, a feature subscription its feature.
type subscriptionView struct {
	Email     string `json:"email"`
	Component string `json:"component,omitempty"`
	Feature   string `json:"feature,omitempty"`
}

func viewSubscriptions(subs []stormdesk.Subscription) []subscriptionView {
	out := make([]subscriptionView, len(subs))
	for i, sub := range subs {
		out[i].Email = sub.Email
		if id, ok := strings.CutPrefix(sub.Feature, stormdesk.ComponentKeyPrefix); ok {
			out[i].Component = id
		} else {
			out[i].Feature = sub.Feature
		}
	}
	return out
}

// The paging cursor is opaque: the last (email, key) pair of a page.
func subscriptionCursor(sub stormdesk.Subscription) string {
	return base64.RawURLEncoding.EncodeToString([]byte(sub.Email + "\x00" + sub.Feature))
}

func parseSubscriptionCursor(c string) (stormdesk.Subscription, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	email, key, ok := strings.Cut(string(raw), "\x00")
	if err != nil || !ok {
		return stormdesk.Subscription{}, stormdesk.Errorf(stormdesk.EINVALID, "after: %q is not a cursor from a previous page", c)
	}
	return stormdesk.Subscription{Email: email, Feature: key}, nil
}

// listSubscriptions: GET /api/v1/subscriptions?component=login&email=...
// &limit=100&after=CURSOR, in (email, key) order; "next" is the cursor
// of the following page, when there may be one.
func (s *Server) listSubscriptions(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var f stormdesk.SubscriptionFilter
	var err error
	if c := q.Get("component"); c != "" {
		if f.Feature, err = s.Desk.ComponentKey(c); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	f.Email = q.Get("email")
	f.Limit = 100
	if l := q.Get("limit"); l != "" {
		if f.Limit, err = strconv.Atoi(l); err != nil || f.Limit < 1 {
			s.writeError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "limit: %q is not a number from 1 to 1000", l))
			return
		}
	}
	if a := q.Get("after"); a != "" {
		if f.After, err = parseSubscriptionCursor(a); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	subs, err := s.Desk.ListSubscriptions(r.Context(), f)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := map[string]any{"subscriptions": viewSubscriptions(subs)}
	if len(subs) > 0 && len(subs) == f.Limit {
		out["next"] = subscriptionCursor(subs[len(subs)-1])
	}
	writeJSON(w, http.StatusOK, out)
}

// deleteSubscription: DELETE /api/v1/subscriptions/{email}/{component}
// {"actor": "ana"} removes one component subscription (404 when there is
// none), recorded in the address's history.
func (s *Server) deleteSubscription(w http.ResponseWriter, r *http.Request) {
	op(s, func(r *http.Request, in *actorOnly) (int, any, error) {
		if err := requireActor(in.Actor, "removes the subscription"); err != nil {
			return 0, nil, err
		}
		email, comp := r.PathValue("email"), r.PathValue("component")
		if err := s.Desk.RemoveSubscription(r.Context(), email, comp, in.Actor); err != nil {
			return 0, nil, err
		}
		return http.StatusOK, map[string]any{"email": strings.ToLower(email), "component": comp, "removed": true}, nil
	})(w, r)
}

// getSubscriber: GET /api/v1/subscriptions/{email}/history, an address's
// subscriptions, suppression and history.
func (s *Server) getSubscriber(w http.ResponseWriter, r *http.Request) {
	rec, err := s.Desk.SubscriberRecord(r.Context(), r.PathValue("email"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"email": rec.Email, "subscriptions": viewSubscriptions(rec.Subscriptions),
		"suppressed_at": rec.SuppressedAt, "suppressed_why": rec.SuppressedWhy, "history": rec.History})
}
