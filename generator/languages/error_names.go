// Naming a Bitrix24 error body by generated/errors.json, the spec's error catalogue, in Go.
// Self-contained (standard library only): copy it into your module, load errors.json (for example
// with //go:embed) through LoadCatalogue, and call NameError(operation, httpStatus, code, message)
// on every body that has an `error` member. tests/clients/test_error_names.py builds it and runs it
// over the catalogue.

package errornames

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
)

// ErrorVariant is one known form of an error's message, in one portal language.
type ErrorVariant struct {
	Lang    string  `json:"lang"`
	Text    *string `json:"text,omitempty"`
	Pattern *string `json:"pattern,omitempty"`

	regex *regexp.Regexp
}

// NamedError is one entry of the catalogue.
type NamedError struct {
	Name       string         `json:"name"`
	Code       string         `json:"code"`
	Statuses   []int          `json:"statuses"`
	Retry      string         `json:"retry"`
	Message    string         `json:"message"`
	Cause      string         `json:"cause"`
	Messages   []ErrorVariant `json:"messages"`
	Operations []string       `json:"operations"`
}

// Catalogue is errors.json.
type Catalogue struct {
	Errors []NamedError `json:"errors"`
}

// LoadCatalogue reads errors.json and compiles every pattern (whole-message matches).
func LoadCatalogue(data []byte) (*Catalogue, error) {
	var catalogue Catalogue
	if err := json.Unmarshal(data, &catalogue); err != nil {
		return nil, err
	}
	for i := range catalogue.Errors {
		for j := range catalogue.Errors[i].Messages {
			variant := &catalogue.Errors[i].Messages[j]
			if variant.Pattern == nil {
				continue
			}
			regex, err := regexp.Compile(`^(?:` + *variant.Pattern + `)$`)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", catalogue.Errors[i].Name, err)
			}
			variant.regex = regex
		}
	}
	return &catalogue, nil
}

// CodeText is an answer's `error` as the catalogue writes codes: flow errors arrive as the JSON
// integer 0 (a float64 or json.Number once decoded). ok is false for a value no code can be.
func CodeText(code any) (text string, ok bool) {
	switch value := code.(type) {
	case string:
		return value, true
	case float64:
		if value == float64(int64(value)) {
			return strconv.FormatInt(int64(value), 10), true
		}
	case json.Number:
		if n, err := value.Int64(); err == nil {
			return strconv.FormatInt(n, 10), true
		}
	case int:
		return strconv.Itoa(value), true
	}
	return "", false
}

func (v *ErrorVariant) covers(message string) bool {
	if v.regex != nil {
		return v.regex.MatchString(message)
	}
	return v.Text != nil && *v.Text == message
}

func contains[T comparable](values []T, wanted T) bool {
	for _, value := range values {
		if value == wanted {
			return true
		}
	}
	return false
}

// NameError is the catalogue entry an error body is, or nil for an error the catalogue does not
// name. Code and message decide; an entry the called operation declares wins, then one declared
// under the answer's HTTP status (spec/README.md D70).
func (c *Catalogue) NameError(operation string, status int, code any, message string) *NamedError {
	text, ok := CodeText(code)
	if !ok {
		return nil
	}
	var best *NamedError
	bestScore := -1
	for i := range c.Errors {
		entry := &c.Errors[i]
		if entry.Code != text {
			continue
		}
		matched := false
		for j := range entry.Messages {
			if entry.Messages[j].covers(message) {
				matched = true
				break
			}
		}
		if !matched {
			continue
		}
		score := 0
		if contains(entry.Operations, operation) {
			score += 2
		}
		if contains(entry.Statuses, status) {
			score++
		}
		if score > bestScore {
			best, bestScore = entry, score
		}
	}
	return best
}
