import java.util.List;
import org.openapitools.client.ApiClient;
import org.openapitools.client.ApiException;
import org.openapitools.client.JSON;
import org.openapitools.client.api.TasksFlowApi;
import org.openapitools.client.model.DistributionType;
import org.openapitools.client.model.Flow;
import org.openapitools.client.model.FlowCreateData;
import org.openapitools.client.model.TasksFlowFlowCreateRequest;
import org.openapitools.client.model.TasksFlowFlowDeleteRequest;
import org.openapitools.client.model.TasksFlowFlowDeleteRequestFlowData;
import org.openapitools.client.model.TasksFlowFlowGetRequest;
import org.openapitools.client.model.TasksFlowFlowPin200Response;

/**
 * Drives a reference server through the generated Java client (java.net.http, no other runtime):
 * create, get, pin and delete a flow, an error under 400, and pin's documented error body under
 * HTTP 200 read through pin's one 200 model. Prints "java: ..." lines and "java: SMOKE OK".
 */
public class Smoke {
    static void say(String line) {
        System.out.println("java: " + line);
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    public static void main(String[] args) throws Exception {
        ApiClient client = new ApiClient();
        // Java's default client offers a plain-http server an upgrade to HTTP/2 (h2c) with every
        // request; the reference server declines it and reads the body, as a portal behind nginx does.
        client.updateBaseUri(System.getenv("B24_WEBHOOK"));
        TasksFlowApi api = new TasksFlowApi(client);

        String name = "Java smoke " + System.nanoTime();
        FlowCreateData data = new FlowCreateData()
            .name(name)
            .plannedCompletionTime(3600L)
            .distributionType(DistributionType.QUEUE)
            .responsibleList(List.of(List.of("user", "2")));
        Flow created = api.tasksFlowFlowCreate(new TasksFlowFlowCreateRequest().flowData(data)).getResult();
        long id = created.getId();
        check(id > 0, "create: id");
        say("create ok id=" + id);

        Flow got = api.tasksFlowFlowGet(new TasksFlowFlowGetRequest().flowId(id)).getResult();
        check(name.equals(got.getName()), "get: name");
        check(List.of(List.of("user", "2")).equals(got.getResponsibleList()), "get: responsibleList");
        say("get ok");

        TasksFlowFlowPin200Response pinned = api.tasksFlowFlowPin(new TasksFlowFlowGetRequest().flowId(id));
        check(Boolean.TRUE.equals(pinned.getResult()) && pinned.getError() == null, "pin: result");
        say("pin ok pinned=" + pinned.getResult());

        TasksFlowFlowPin200Response pinError = JSON.getDefault().getMapper()
            .readValue(System.getenv("B24_PIN_200_ERROR"), TasksFlowFlowPin200Response.class);
        check(pinError.getResult() == null && pinError.getError() != null, "pin 200 error: error");
        say("pin-200-error read description=\"" + pinError.getErrorDescription() + "\"");

        api.tasksFlowFlowDelete(new TasksFlowFlowDeleteRequest()
            .flowData(new TasksFlowFlowDeleteRequestFlowData().id(id)));
        say("delete ok");

        try {
            api.tasksFlowFlowGet(new TasksFlowFlowGetRequest().flowId(id));
            check(false, "get-deleted: no error");
        } catch (ApiException error) {
            check(error.getCode() == 400 && error.getResponseBody().contains("error_description"), "get-deleted");
            say("get-deleted error status=" + error.getCode());
        }
        say("SMOKE OK");
    }
}
