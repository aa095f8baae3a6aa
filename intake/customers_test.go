package intake_test

import (
	"bytes"
	"strings"
	"testing"

	"stormdesk"
	"stormdesk/intake"
)

// FuzzCustomerRows runs arbitrary files through the customers CSV
// reader: no panic, the reader always ends, line numbers never go
// backwards, every row it yields is a valid customer (an email address,
// feature names) and every refused row says why with an EINVALID error.
func FuzzCustomerRows(f *testing.F) {
	f.Add([]byte("email,name,organisation,features,unsubscribed\nana@example.com,Ana,Acme,login;screenshare,no\n"))
	f.Add([]byte("\ufeffEmail,Features\nBOB@Example.com, login | billing \nnot-an-email,x\n"))
	f.Add([]byte("email,unsubscribed\ncy@example.com,maybe\n\"dee@example.com\",yes\n"))
	f.Add([]byte("email,name\n\"unterminated,x\n"))
	f.Add([]byte("name\nno email column\n"))
	f.Add([]byte("email,features\na@b.co,Bad!Feature\na@b.co\n,,,,\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		next, err := intake.CustomerRows(bytes.NewReader(data))
		if err != nil {
			return
		}
		walkRows(t, len(data), next, func(row *stormdesk.CustomerImport, line int, rowErr error) {
			if rowErr != nil {
				if stormdesk.ErrorCode(rowErr) != stormdesk.EINVALID {
					t.Fatalf("line %d: refused with %v, want an EINVALID error", line, rowErr)
				}
				return
			}
			if !stormdesk.ValidEmail(row.Customer.Email) || row.Customer.Email != strings.ToLower(row.Customer.Email) {
				t.Fatalf("line %d: accepted email %q", line, row.Customer.Email)
			}
			for _, feat := range row.Features {
				if feat == "" || strings.ContainsAny(feat, " ;,|") {
					t.Fatalf("line %d: accepted feature %q", line, feat)
				}
			}
		})
	})
}
