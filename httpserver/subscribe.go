package httpserver

import (
	"html/template"
	"net/http"
	"strings"

	"stormdesk"
)

// Status page subscriptions, as people use them from a browser: the form
// on /status posts to /status/subscribe, which queues the confirmation
// email; its link opens /status/confirm, which asks for one press of a
// button before subscribing (a mail scanner that fetches every link in an
// email must not confirm on the reader's behalf). Answers are small HTML
// pages; errors keep the one code → status map (statusOf).

// maxSubscribeForm bounds the form's body.
const maxSubscribeForm = 16 << 10

var subscribePage = template.Must(template.New("p").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{.Title}}</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328}main{max-width:560px;margin:0 auto;padding:24px 16px}button{font:inherit;padding:6px 14px}</style></head>
<body><main><h1>{{.Title}}</h1><p>{{.Text}}</p>
{{- with .Form}}<form method="post" action="{{.Action}}"><input type="hidden" name="token" value="{{.Token}}">{{if .Scope}}<input type="hidden" name="scope" value="{{.Scope}}">{{end}}<button type="submit">{{.Button}}</button></form>{{end}}
<p><a href="/status">Back to the status page</a></p></main></body></html>
`))

// pageForm is the one button a page may offer: a POST of the signed
// token (and a scope) to action.
type pageForm struct{ Action, Token, Scope, Button string }

func (s *Server) page(w http.ResponseWriter, status int, title, text string, form *pageForm) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	_ = subscribePage.Execute(w, struct {
		Title, Text string
		Form        *pageForm
	}{title, text, form})
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	code := stormdesk.ErrorCode(err)
	status, ok := statusOf[code]
	if !ok || code == stormdesk.EINTERNAL || code == stormdesk.EUNAVAILABLE {
		s.logFailure(r, err)
		s.page(w, http.StatusServiceUnavailable, "Please try again", "Something went wrong on our side; please try again in a minute.", nil)
		return
	}
	s.page(w, status, "That did not work", stormdesk.ErrorMessage(err), nil)
}

// postSubscribe takes the page's form (email, and component once per
// box ticked) and queues the confirmation email. It answers the same
// whether an email was queued or one already went out today, so the
// answer tells nobody whether an address asked before.
func (s *Server) postSubscribe(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxSubscribeForm)
	if err := r.ParseForm(); err != nil {
		s.pageError(w, r, stormdesk.Errorf(stormdesk.EINVALID, "the form could not be read"))
		return
	}
	email := strings.TrimSpace(r.PostForm.Get("email"))
	if _, err := s.Desk.RequestSubscription(r.Context(), email, r.PostForm["component"]); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.page(w, http.StatusOK, "Check your inbox", "If "+email+" can receive email, a message with a confirmation link is on its way. Nothing is sent to it until the link is opened and confirmed.", nil)
}

// confirmSubscription checks the link's token; GET asks for the press
// of a button, POST subscribes.
func (s *Server) confirmSubscription(w http.ResponseWriter, r *http.Request) {
	token := r.URL.Query().Get("token")
	if r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxSubscribeForm)
		if err := r.ParseForm(); err == nil && r.PostForm.Get("token") != "" {
			token = r.PostForm.Get("token")
		}
	}
	email, ids, issued, err := s.Email.VerifyConfirm(token)
	if err != nil {
		s.page(w, http.StatusUnauthorized, "This link does not work", "The confirmation link is not valid or has expired. Subscribe again from the status page to get a new one.", nil)
		return
	}
	if r.Method != http.MethodPost {
		s.page(w, http.StatusOK, "Confirm your subscription", "Email "+email+" about incidents affecting "+strings.Join(ids, ", ")+"?", &pageForm{Action: "/status/confirm", Token: token, Button: "Confirm my subscription"})
		return
	}
	comps, suppressed, err := s.Desk.ConfirmSubscription(r.Context(), email, ids, issued)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var names []string
	for _, c := range comps {
		names = append(names, c.Name)
	}
	switch suppressed {
	case "":
	case stormdesk.SuppressedUnsubscribe:
		s.page(w, http.StatusOK, "You unsubscribed since", email+" unsubscribed from all our email after this link was sent, so nothing will reach it. To hear from us again, subscribe again on the status page and confirm the new link.", nil)
		return
	default:
		s.page(w, http.StatusOK, "We cannot email this address", "Our emails to "+email+" are blocked (they bounced or were reported as spam), so nothing will reach it. Please subscribe with another address.", nil)
		return
	}
	s.page(w, http.StatusOK, "You are subscribed", email+" will be emailed about incidents affecting "+strings.Join(names, ", ")+". Every email has a link to stop them.", nil)
}
