package templates

import (
	"stormdesk"
)

// EmailConfirm is the template of a status page subscription's
// confirmation email (the double opt-in).
const EmailConfirm = "confirm"

// ConfirmData fills a confirmation email.
type ConfirmData struct {
	ProductName string
	// Page is the status page's name; Components the names of the
	// components subscribed to.
	Page       string
	Components []string
	// ConfirmURL is the recipient's signed confirmation link.
	ConfirmURL string
	// UnsubscribeURL is the placeholder the dispatcher replaces with the
	// recipient's unsubscribe link.
	UnsubscribeURL string
	FromName       string
	Footer         string
}

var confirmSet = parseSet("confirm")

// RenderConfirm renders a confirmation email: subject, text and HTML.
func RenderConfirm(d ConfirmData) (subject, text, html string, err error) {
	switch {
	case d.ConfirmURL == "":
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "confirm_url: required")
	case d.UnsubscribeURL == "":
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "unsubscribe_url: required")
	case len(d.Components) == 0:
		return "", "", "", stormdesk.Errorf(stormdesk.EINVALID, "components: required")
	}
	v := struct {
		ConfirmData
		Components string
	}{d, affected(d.Components)}
	return confirmSet.render(v)
}
