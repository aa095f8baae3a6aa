package intake

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"stormdesk"
)

// csvColumns maps accepted CSV header names (lower-cased) to ticket fields.
var csvColumns = map[string]string{
	"source": "source", "external_id": "external_id", "id": "external_id",
	"customer_email": "customer_email", "email": "customer_email",
	"customer_name": "customer_name", "name": "customer_name",
	"organisation": "organisation", "organization": "organisation",
	"subject": "subject", "title": "subject",
	"body": "body", "description": "body", "message": "body", "text": "body",
	"received_at": "received_at", "created_at": "received_at", "time": "received_at",
	"tags": "tags", "tag": "tags", "channel": "channel", "via": "channel",
}

// CSVTags splits a CSV tags cell: tags separated by commas (a tag may hold
// spaces, as Intercom's do), each trimmed; empty ones dropped.
func CSVTags(cell string) []string {
	var tags []string
	for _, tag := range strings.Split(cell, ",") {
		if tag = strings.TrimSpace(tag); tag != "" {
			tags = append(tags, tag)
		}
	}
	return tags
}

// Rows reads the rows of a ticket import in format ("csv" or "jsonl");
// the CSV header's unknown columns are reported to report.
func Rows(r io.Reader, format string, report io.Writer) (RowSource, error) {
	if format == "csv" {
		return csvRows(r, report)
	}
	return jsonlRows(r), nil
}

// RowSource yields rows as ticket inputs with their line numbers. A row
// error names the line; a fatal error stops the import.
type RowSource func() (in TicketInput, line int, rowErr, fatal error)

// FirstLine is the first line of s, at most max bytes (cut on a rune
// boundary): the subject of a row that has only a body.
func FirstLine(s string, max int) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > max {
		// Cut on a rune boundary.
		for max > 0 && (s[max]&0xC0) == 0x80 {
			max--
		}
		s = s[:max]
	}
	return strings.TrimSpace(s)
}

func csvRows(r io.Reader, report io.Writer) (RowSource, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, fmt.Errorf("tickets import: the CSV file is empty (want a header row)")
		}
		return nil, fmt.Errorf("tickets import: header row: %w", err)
	}
	fields := make([]string, len(header))
	var ignored []string
	have := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if f, ok := csvColumns[h]; ok && !have[f] {
			fields[i], have[f] = f, true
		} else {
			ignored = append(ignored, header[i])
		}
	}
	if !have["subject"] && !have["body"] {
		return nil, fmt.Errorf("tickets import: the CSV header %q has no subject or body column", strings.Join(header, ","))
	}
	if len(ignored) > 0 {
		fmt.Fprintf(report, "ignoring unknown CSV columns: %s\n", strings.Join(ignored, ", "))
	}
	return func() (TicketInput, int, error, error) {
		var in TicketInput
		rec, err := cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// A broken quote can swallow the rest of the file; report
				// it and stop rather than guess where the next row starts.
				return in, pe.StartLine, nil, fmt.Errorf("tickets import: line %d: %v", pe.StartLine, pe.Err)
			}
			return in, 0, nil, err
		}
		// FieldPos is only defined after a successful Read.
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			return in, line, stormdesk.Errorf(stormdesk.EINVALID, "row has %d fields, the header has %d", len(rec), len(header)), nil
		}
		for i, v := range rec {
			switch fields[i] {
			case "source":
				in.Source = v
			case "external_id":
				in.ExternalID = v
			case "customer_email":
				in.CustomerEmail = v
			case "customer_name":
				in.CustomerName = v
			case "organisation":
				in.Organisation = v
			case "subject":
				in.Subject = v
			case "body":
				in.Body = v
			case "received_at":
				in.ReceivedAt = v
			case "tags":
				in.Tags = CSVTags(v)
			case "channel":
				in.Channel = v
			}
		}
		return in, line, nil, nil
	}, nil
}

// maxJSONLLine bounds one JSON Lines row; a ticket body is at most 1 MiB.
const maxJSONLLine = 4 << 20

func jsonlRows(r io.Reader) RowSource {
	br := bufio.NewReaderSize(r, 64<<10)
	line := 0
	return func() (TicketInput, int, error, error) {
		for {
			line++
			b, tooLong, err := readLine(br, maxJSONLLine)
			if err == io.EOF && len(b) == 0 && !tooLong {
				return TicketInput{}, line, nil, io.EOF
			}
			if err != nil && err != io.EOF {
				return TicketInput{}, line, nil, fmt.Errorf("tickets import: line %d: %w", line, err)
			}
			if tooLong {
				return TicketInput{}, line, stormdesk.Errorf(stormdesk.EINVALID, "line longer than %d bytes", maxJSONLLine), nil
			}
			if len(bytes.TrimSpace(b)) == 0 {
				if err == io.EOF {
					return TicketInput{}, line, nil, io.EOF
				}
				continue
			}
			in, derr := DecodeTicketJSON(b)
			return in, line, derr, nil
		}
	}
}

// readLine reads one line of at most max bytes; a longer line is consumed
// and reported as too long.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(line)+len(chunk) > max {
			tooLong = true
		} else {
			line = append(line, chunk...)
		}
		if err != nil || !isPrefix {
			return line, tooLong, err
		}
	}
}
