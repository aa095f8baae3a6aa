package intake

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"stormdesk"
)

// The customers file of `stormdesk customers import`: a CSV with a header
// row naming email (required), name, organisation, features and
// unsubscribed.

// CustomerRows reads the header of a customers CSV file and returns
// what yields its rows, one per call: the prepared row, or the row's
// error (EINVALID, naming the field), with the row's line. fatal is
// io.EOF after the last row, or what makes the rest of the file
// unreadable (a broken quote).
func CustomerRows(r io.Reader) (next func() (row *stormdesk.CustomerImport, line int, rowErr, fatal error), err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("customers import: the CSV file is empty (want a header row)")
	} else if err != nil {
		return nil, fmt.Errorf("customers import: header row: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["email"]; !ok {
		return nil, fmt.Errorf("customers import: the CSV header %q has no email column", strings.Join(header, ","))
	}
	get := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	return func() (*stormdesk.CustomerImport, int, error, error) {
		rec, err := cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, pe.StartLine, nil, fmt.Errorf("customers import: line %d: %w", pe.StartLine, pe.Err)
			}
			return nil, 0, nil, err
		}
		line, _ := cr.FieldPos(0)
		row := &stormdesk.CustomerImport{Customer: stormdesk.Customer{Email: get(rec, "email"), Name: get(rec, "name"), Organisation: get(rec, "organisation") + get(rec, "organization")},
			Features: strings.FieldsFunc(get(rec, "features"), func(r rune) bool { return r == ';' || r == ' ' || r == ',' || r == '|' })}
		if err := row.Prepare(); err != nil {
			return nil, line, err, nil
		}
		switch u := strings.ToLower(strings.TrimSpace(get(rec, "unsubscribed"))); u {
		case "", "false", "no", "0":
		case "true", "yes", "1":
			row.Unsubscribed = true
		default:
			return nil, line, stormdesk.Errorf(stormdesk.EINVALID, "unsubscribed: %q is not true or false", u), nil
		}
		return row, line, nil, nil
	}, nil
}
