package eval

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Columns names the columns (CSV header names or JSONL field names) to
// read. Empty Text or Label pick the first present of a few usual names
// (text/utterance/body/message and label/category/intent); empty Time and
// Customer mean the data has none.
type Columns struct {
	Text, Label, Time, Customer string
}

// Row is one record of a data file.
type Row struct {
	Line     int // 1-based line (CSV: the record's first line) in the file
	Text     string
	Label    string
	Customer string
	At       time.Time
	HasTime  bool
}

var (
	textNames  = []string{"text", "utterance", "body", "message", "subject"}
	labelNames = []string{"label", "category", "intent"}
)

// LoadFile reads a CSV (.csv) or JSON Lines (.jsonl, .ndjson, .json) file.
// needLabel makes a missing label column an error; without it, Label is
// read when present. Errors name the file, line and column.
func LoadFile(path string, cols Columns, needLabel bool) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".json":
		return ReadJSONL(f, path, cols, needLabel)
	case ".csv", ".txt", "":
		return ReadCSV(f, path, cols, needLabel)
	}
	return nil, fmt.Errorf("eval: %s: unknown file type %q (want .csv or .jsonl)", path, filepath.Ext(path))
}

// ReadCSV reads CSV with a header row. Quoted fields may span lines.
func ReadCSV(r io.Reader, name string, cols Columns, needLabel bool) ([]Row, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("eval: %s: empty file, want a header row", name)
	}
	if err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	pos := map[string]int{}
	for i, h := range header {
		pos[strings.TrimSpace(h)] = i
	}
	idx, err := resolveColumns(name, cols, needLabel, func(c string) bool { _, ok := pos[c]; return ok }, strings.Join(header, ","))
	if err != nil {
		return nil, err
	}
	var out []Row
	for {
		line, _ := cr.FieldPos(0)
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("eval: %s:%d: column %d: %v", name, pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("eval: %s: %w", name, err)
		}
		line, _ = cr.FieldPos(0)
		get := func(col string) (string, error) {
			if col == "" {
				return "", nil
			}
			i := pos[col]
			if i >= len(rec) {
				return "", fmt.Errorf("eval: %s:%d: column %q missing (record has %d fields, header has %d)", name, line, col, len(rec), len(header))
			}
			return rec[i], nil
		}
		row, err := buildRow(name, line, idx, get)
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, nil
}

// ReadJSONL reads one JSON object per line; blank lines are skipped.
func ReadJSONL(r io.Reader, name string, cols Columns, needLabel bool) ([]Row, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	var out []Row
	var idx Columns
	resolved := false
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" {
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal([]byte(b), &obj); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %v", name, line, err)
		}
		if !resolved {
			var err error
			keys := make([]string, 0, len(obj))
			for k := range obj {
				keys = append(keys, k)
			}
			idx, err = resolveColumns(name, cols, needLabel, func(c string) bool { _, ok := obj[c]; return ok }, strings.Join(keys, ","))
			if err != nil {
				return nil, err
			}
			resolved = true
		}
		get := func(col string) (string, error) {
			if col == "" {
				return "", nil
			}
			v, ok := obj[col]
			if !ok {
				return "", fmt.Errorf("eval: %s:%d: field %q missing", name, line, col)
			}
			switch x := v.(type) {
			case string:
				return x, nil
			case float64:
				return strconv.FormatFloat(x, 'f', -1, 64), nil
			case nil:
				return "", nil
			case bool:
				return strconv.FormatBool(x), nil
			}
			return "", fmt.Errorf("eval: %s:%d: field %q: want a string or number, got %T", name, line, col, v)
		}
		row, err := buildRow(name, line, idx, get)
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s:%d: %w", name, line+1, err)
	}
	return out, nil
}

func resolveColumns(name string, cols Columns, needLabel bool, has func(string) bool, available string) (Columns, error) {
	pick := func(want string, defaults []string, what string, required bool) (string, error) {
		if want != "" {
			if !has(want) {
				return "", fmt.Errorf("eval: %s: no %s column %q (columns: %s)", name, what, want, available)
			}
			return want, nil
		}
		for _, d := range defaults {
			if has(d) {
				return d, nil
			}
		}
		if required {
			return "", fmt.Errorf("eval: %s: no %s column; name one (columns: %s)", name, what, available)
		}
		return "", nil
	}
	var out Columns
	var err error
	if out.Text, err = pick(cols.Text, textNames, "text", true); err != nil {
		return out, err
	}
	if out.Label, err = pick(cols.Label, labelNames, "label", needLabel); err != nil {
		return out, err
	}
	if out.Time, err = pick(cols.Time, nil, "time", false); err != nil {
		return out, err
	}
	if out.Customer, err = pick(cols.Customer, nil, "customer", false); err != nil {
		return out, err
	}
	return out, nil
}

func buildRow(name string, line int, idx Columns, get func(string) (string, error)) (Row, error) {
	row := Row{Line: line}
	var err error
	if row.Text, err = get(idx.Text); err != nil {
		return row, err
	}
	if row.Label, err = get(idx.Label); err != nil {
		return row, err
	}
	if row.Customer, err = get(idx.Customer); err != nil {
		return row, err
	}
	ts, err := get(idx.Time)
	if err != nil {
		return row, err
	}
	if idx.Time != "" {
		t, err := ParseTime(ts)
		if err != nil {
			return row, fmt.Errorf("eval: %s:%d: column %q: %w", name, line, idx.Time, err)
		}
		row.At, row.HasTime = t, true
	}
	return row, nil
}

// ParseTime accepts RFC 3339, "2006-01-02 15:04:05" (UTC) and Unix
// seconds.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		sec := int64(f)
		return time.Unix(sec, int64((f-float64(sec))*1e9)).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("cannot parse time %q (want RFC 3339, \"2006-01-02 15:04:05\" or Unix seconds)", s)
}

// Dataset describes one of the labelled data sets in shared/data.
type Dataset struct {
	Name    string // e.g. "banking77_test"
	Path    string // relative to the data directory
	Columns Columns
}

// Datasets are the known data sets, by name.
var Datasets = map[string]Dataset{
	"banking77_train":   {"banking77_train", "banking77/train.csv", Columns{Text: "text", Label: "category"}},
	"banking77_test":    {"banking77_test", "banking77/test.csv", Columns{Text: "text", Label: "category"}},
	"bitext_train":      {"bitext_train", "bitext_customer_service/train.csv", Columns{Text: "utterance", Label: "intent"}},
	"bitext_validation": {"bitext_validation", "bitext_customer_service/validation.csv", Columns{Text: "utterance", Label: "intent"}},
	"bitext_test":       {"bitext_test", "bitext_customer_service/test.csv", Columns{Text: "utterance", Label: "intent"}},
	"dstc11_development": {"dstc11_development", "dstc11_intent_clustering/development.test-utterances.jsonl",
		Columns{Text: "utterance", Label: "intent"}},
}

// LoadDataset loads a named data set from dataDir.
func LoadDataset(dataDir, name string) ([]Row, error) {
	d, ok := Datasets[name]
	if !ok {
		return nil, fmt.Errorf("eval: unknown data set %q", name)
	}
	return LoadFile(filepath.Join(dataDir, d.Path), d.Columns, true)
}
