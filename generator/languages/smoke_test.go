// Smoke test of the Go client generated from generated/openapi.yaml (package b24).
// generator/languages/clients.py copies this file into the generated module and runs
//   go test -run TestSmoke -count=1 -v .
// with B24_WEBHOOK (a webhook base URL of the reference server, no trailing slash), B24_OAUTH_BASE and
// B24_OAUTH_TOKEN (its OAuth endpoint and a token) and B24_PIN_200_ERROR (the documented error body that
// tasks.flow.Flow.pin may send with HTTP 200). Every step logs one `go: ...` line; the last is `go: SMOKE OK`.
//
// Error bodies: a non-2xx answer comes back as a *GenericOpenAPIError whose Model() is an ErrorResponse.
// An error under HTTP 200 (pin, spec decision D2) fills `Error` of pin's one 200 model, whose members
// are all optional (D71): the caller must look at it, which pin below does.

package b24

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"
)

// B24Error is a Bitrix24 error body, whatever the HTTP status it came with.
type B24Error struct {
	Code, Description string
	Status            int
}

func (e *B24Error) Error() string {
	return fmt.Sprintf("%s: %s (HTTP %d)", e.Code, e.Description, e.Status)
}

// bitrixError turns the generated client's error into a *B24Error when the body was a Bitrix24 error.
func bitrixError(err error, resp *http.Response) error {
	var apiErr *GenericOpenAPIError
	if errors.As(err, &apiErr) {
		if body, ok := apiErr.Model().(ErrorResponse); ok {
			return &B24Error{Code: codeText(body.Error), Description: body.ErrorDescription, Status: resp.StatusCode}
		}
	}
	return err
}

// codeText is an error code as text: portals send flow codes as the JSON integer 0, others as strings.
func codeText(code ErrorResponseError) string {
	if code.String != nil {
		return *code.String
	}
	if code.Int32 != nil {
		return strconv.Itoa(int(*code.Int32))
	}
	return ""
}

func mustEnv(t *testing.T, name string) string {
	value := os.Getenv(name)
	if value == "" {
		t.Fatalf("%s is not set", name)
	}
	return value
}

func say(format string, args ...interface{}) {
	fmt.Printf("go: "+format+"\n", args...)
}

func expectError(t *testing.T, step string, err error) *B24Error {
	var b24 *B24Error
	if !errors.As(err, &b24) {
		t.Fatalf("%s: expected a Bitrix24 error, got %v", step, err)
	}
	say("%s error code=%q status=%d description=%q", step, b24.Code, b24.Status, b24.Description)
	return b24
}

func client(base string) *APIClient {
	cfg := NewConfiguration()
	cfg.Servers = ServerConfigurations{{URL: base}}
	return NewAPIClient(cfg)
}

// pin calls tasks.flow.Flow.pin and returns the new state or the error, including an error under 200.
func pin(ctx context.Context, api *APIClient, id int64) (bool, error) {
	res, resp, err := api.TasksFlowAPI.TasksFlowFlowPin(ctx).TasksFlowFlowGetRequest(TasksFlowFlowGetRequest{FlowId: id}).Execute()
	if err != nil {
		return false, bitrixError(err, resp)
	}
	if res.Error != nil {
		return false, &B24Error{Code: codeText(ErrorResponseError(*res.Error)), Description: res.GetErrorDescription(), Status: resp.StatusCode}
	}
	if res.Result == nil {
		return false, fmt.Errorf("pin: the answer has neither result nor error")
	}
	return *res.Result, nil
}

func get(ctx context.Context, api *APIClient, id int64) (*Flow, error) {
	res, resp, err := api.TasksFlowAPI.TasksFlowFlowGet(ctx).TasksFlowFlowGetRequest(TasksFlowFlowGetRequest{FlowId: id}).Execute()
	if err != nil {
		return nil, bitrixError(err, resp)
	}
	return &res.Result, nil
}

func TestSmoke(t *testing.T) {
	webhook := mustEnv(t, "B24_WEBHOOK")
	ctx := context.Background()
	api := client(webhook)
	name := fmt.Sprintf("Go smoke %d", time.Now().UnixNano())

	created, resp, err := api.TasksFlowAPI.TasksFlowFlowCreate(ctx).TasksFlowFlowCreateRequest(TasksFlowFlowCreateRequest{
		FlowData: FlowCreateData{
			Name:                  name,
			PlannedCompletionTime: 3600,
			DistributionType:      DISTRIBUTIONTYPE_QUEUE,
			ResponsibleList:       [][]string{{"user", "2"}},
		},
	}).Execute()
	if err != nil {
		t.Fatalf("create: %v", bitrixError(err, resp))
	}
	id := created.Result.Id // int64
	if id <= 0 {
		t.Fatalf("create: bad id %d", id)
	}
	say("create ok id=%d active=%v", id, created.Result.Active)

	flow, err := get(ctx, api, id)
	if err != nil {
		t.Fatalf("get: %v", err)
	}
	if flow.Name != name || len(flow.ResponsibleList) != 1 || flow.ResponsibleList[0][1] != "2" {
		t.Fatalf("get: unexpected flow %+v", flow)
	}
	say("get ok name=%q distributionType=%s", flow.Name, flow.DistributionType)

	activated, resp, err := api.TasksFlowAPI.TasksFlowFlowActivate(ctx).TasksFlowFlowGetRequest(TasksFlowFlowGetRequest{FlowId: id}).Execute()
	if err != nil || !activated.Result {
		t.Fatalf("activate: %v", bitrixError(err, resp))
	}
	after, err := get(ctx, api, id)
	if err != nil || after.Active == created.Result.Active {
		t.Fatalf("activate: active did not toggle (%v)", err)
	}
	say("activate ok active=%v", after.Active)

	pinned, err := pin(ctx, api, id)
	if err != nil || !pinned {
		t.Fatalf("pin: %v %v", pinned, err)
	}
	say("pin ok pinned=true")

	deleted, resp, err := api.TasksFlowAPI.TasksFlowFlowDelete(ctx).TasksFlowFlowDeleteRequest(TasksFlowFlowDeleteRequest{
		FlowData: TasksFlowFlowDeleteRequestFlowData{Id: id},
	}).Execute()
	if err != nil || !deleted.Result.Deleted {
		t.Fatalf("delete: %v", bitrixError(err, resp))
	}
	say("delete ok")

	_, err = get(ctx, api, id)
	expectError(t, "get-deleted", err)
	// an administrator's pin of an unknown id succeeds on a portal (no existence check); activate fails
	_, resp, err = api.TasksFlowAPI.TasksFlowFlowActivate(ctx).TasksFlowFlowGetRequest(TasksFlowFlowGetRequest{FlowId: id}).Execute()
	expectError(t, "activate-deleted", bitrixError(err, resp))

	// The reference server answers pin's errors with 400; a portal may use 200 (spec decision D2).
	pin200 := mustEnv(t, "B24_PIN_200_ERROR")
	stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(pin200))
	}))
	defer stub.Close()
	_, err = pin(ctx, client(stub.URL), id)
	expectError(t, "pin-200-error", err)

	bizproc(t, ctx, api, mustEnv(t, "B24_OAUTH_BASE"), mustEnv(t, "B24_OAUTH_TOKEN"))
	say("SMOKE OK")
}

func bizproc(t *testing.T, ctx context.Context, api *APIClient, oauthBase, token string) {
	before, resp, err := api.BizprocWorkflowAPI.BizprocWorkflowInstances(ctx).WorkflowInstanceListRequest(WorkflowInstanceListRequest{}).Execute()
	if err != nil {
		var b24 *B24Error
		if errors.As(bitrixError(err, resp), &b24) && b24.Code == "ERROR_METHOD_NOT_FOUND" {
			say("bizproc skipped: the server answers ERROR_METHOD_NOT_FOUND (%s)", b24.Description)
			return
		}
		t.Fatalf("instances: %v", bitrixError(err, resp))
	}
	say("instances ok total=%d", before.Total)

	// Templates belong to applications: add one over OAuth, then start it from the webhook.
	oauth := client(oauthBase)
	octx := context.WithValue(ctx, ContextAccessToken, token)
	added, resp, err := oauth.BizprocWorkflowTemplateAPI.BizprocWorkflowTemplateAdd(octx).BizprocWorkflowTemplateAddRequest(BizprocWorkflowTemplateAddRequest{
		DOCUMENT_TYPE: []string{"crm", "CCrmDocumentDeal", "DEAL"},
		NAME:          fmt.Sprintf("Go smoke %d", time.Now().UnixNano()),
		TEMPLATE_DATA: []string{"smoke.bpt", base64.StdEncoding.EncodeToString([]byte("smoke template"))},
	}).Execute()
	if err != nil {
		t.Fatalf("template.add: %v", bitrixError(err, resp))
	}
	templateID := added.Result // int64
	say("template.add ok id=%d", templateID)

	started, resp, err := api.BizprocWorkflowAPI.BizprocWorkflowStart(ctx).BizprocWorkflowStartRequest(BizprocWorkflowStartRequest{
		TEMPLATE_ID: templateID,
		DOCUMENT_ID: []string{"crm", "CCrmDocumentDeal", "DEAL_1"},
	}).Execute()
	if err != nil {
		t.Fatalf("start: %v", bitrixError(err, resp))
	}
	say("start ok id=%s", started.Result)

	listed, resp, err := api.BizprocWorkflowAPI.BizprocWorkflowInstances(ctx).WorkflowInstanceListRequest(WorkflowInstanceListRequest{
		SELECT: []string{"ID", "TEMPLATE_ID", "DOCUMENT_ID"},
	}).Execute()
	if err != nil {
		t.Fatalf("instances: %v", bitrixError(err, resp))
	}
	for _, row := range listed.Result {
		if row.ID != nil && *row.ID == started.Result {
			// list rows carry numbers as strings (spec decision D15)
			if row.TEMPLATE_ID == nil || *row.TEMPLATE_ID != strconv.FormatInt(templateID, 10) {
				t.Fatalf("instances: TEMPLATE_ID %v", row.TEMPLATE_ID)
			}
			say("instances ok total=%d found=%s", listed.Total, started.Result)
			return
		}
	}
	t.Fatalf("instances: %s not listed", started.Result)
}
