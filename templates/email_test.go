package templates

import (
	"strings"
	"testing"
	"time"

	"stormdesk"
)

const unsubscribeTag = "-stormdesk_unsubscribe_url-" // notify.UnsubscribeTag

func emailFixture(status stormdesk.Status, message string) EmailData {
	created := time.Date(2026, 3, 1, 15, 13, 0, 0, time.UTC)
	inc := &stormdesk.Incident{ID: 42, Title: "Customers cannot log in with SSO", Status: status,
		Severity: stormdesk.SeverityMajor, Features: []string{"login", "screenshare"}, CreatedAt: created}
	if status == stormdesk.StatusResolved {
		r := created.Add(2*time.Hour + 5*time.Minute)
		inc.ResolvedAt = &r
	}
	return EmailData{Incident: inc, Message: message, ProductName: "Acme", FromName: "Acme Support",
		UnsubscribeURL: unsubscribeTag, Footer: "Acme Inc., 1 Main Street, Springfield",
		StatusPageURL: "https://status.acme.example/incidents/42"}
}

var emailCases = map[string]EmailData{
	EmailAcknowledged: emailFixture(stormdesk.StatusInvestigating, ""),
	EmailUpdate: emailFixture(stormdesk.StatusIdentified,
		"Our identity provider is having an outage. Sign-in with a password still works.\n\nWe will write again within the hour."),
	EmailResolved: emailFixture(stormdesk.StatusResolved, "The provider fixed the fault at 17:18 UTC; sign-in works again."),
}

func TestEmailGolden(t *testing.T) {
	for _, name := range EmailTemplates {
		t.Run(name, func(t *testing.T) {
			subject, text, html, err := RenderEmail(name, emailCases[name])
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "email_"+name+".txt.golden", []byte("Subject: "+subject+"\n\n"+text))
			golden(t, "email_"+name+".html.golden", []byte(html))
			for part, s := range map[string]string{"text": text, "html": html} {
				if !strings.Contains(s, unsubscribeTag) {
					t.Errorf("%s part lost the unsubscribe placeholder", part)
				}
				if !strings.Contains(s, "Acme Inc., 1 Main Street") {
					t.Errorf("%s part has no footer", part)
				}
			}
		})
	}
}

func TestEmailEscapesAndKeepsSubjectOneLine(t *testing.T) {
	d := emailFixture(stormdesk.StatusInvestigating, "<b>bold</b> & \"quoted\"")
	d.Incident.Title = "Login <script>alert(1)</script>\r\nBcc: evil@example.com"
	subject, text, html, err := RenderEmail(EmailUpdate, d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(subject, "\r\n") {
		t.Errorf("subject spans lines: %q", subject)
	}
	if strings.Contains(html, "<script>") || strings.Contains(html, "<b>bold") {
		t.Errorf("HTML part not escaped:\n%s", html)
	}
	if !strings.Contains(text, "<b>bold</b> & \"quoted\"") {
		t.Errorf("text part must be the message as written:\n%s", text)
	}
}

func TestEmailErrors(t *testing.T) {
	ok := emailFixture(stormdesk.StatusInvestigating, "x")
	noUnsub := ok
	noUnsub.UnsubscribeURL = ""
	cases := []struct {
		name string
		data EmailData
		want string
	}{
		{"nope", ok, `template: "nope" is not one of acknowledged, update, resolved`},
		{EmailUpdate, EmailData{UnsubscribeURL: "x"}, "incident: required"},
		{EmailUpdate, emailFixture(stormdesk.StatusInvestigating, "  "), "message: required for an update"},
		{EmailAcknowledged, noUnsub, "unsubscribe_url: required"},
	}
	for _, c := range cases {
		_, _, _, err := RenderEmail(c.name, c.data)
		if stormdesk.ErrorCode(err) != stormdesk.EINVALID || stormdesk.ErrorMessage(err) != c.want {
			t.Errorf("RenderEmail(%s) = %v, want %q", c.name, err, c.want)
		}
	}
}

func TestEmailWithoutOptionalFields(t *testing.T) {
	d := EmailData{Incident: &stormdesk.Incident{Title: "Slow exports", Status: stormdesk.StatusTriage}, UnsubscribeURL: "u"}
	subject, text, _, err := RenderEmail(EmailAcknowledged, d)
	if err != nil {
		t.Fatal(err)
	}
	if subject != "We are aware of a problem: Slow exports" || !strings.Contains(text, "some of our services") {
		t.Errorf("subject %q\n%s", subject, text)
	}
}
