<?php
// Drives a reference server through the generated PHP models with a minimal HTTP client of our own
// (PHP's stream wrapper: the generated API classes need Guzzle, which Debian does not ship). Create,
// get, pin and delete a flow, an error under 400, and pin's documented error body under HTTP 200 read
// through pin's one 200 model. Prints "php: ..." lines and "php: SMOKE OK".
// Usage: php smoke.php <client dir>, with B24_WEBHOOK and B24_PIN_200_ERROR set.

$lib = $argv[1] . '/lib/';
spl_autoload_register(function (string $class) use ($lib): void {
    $prefix = 'OpenAPI\\Client\\';
    if (strncmp($class, $prefix, strlen($prefix)) === 0) {
        $file = $lib . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
        if (is_file($file)) {
            require $file;
        }
    }
});

use OpenAPI\Client\Model;
use OpenAPI\Client\ObjectSerializer;

function say(string $line): void
{
    echo 'php: ', $line, "\n";
}

function check(bool $ok, string $what): void
{
    if (!$ok) {
        fwrite(STDERR, "php: FAILED $what\n");
        exit(1);
    }
}

/** POST a request model as JSON; returns [HTTP status, the body decoded into $type]. */
function call(string $method, object $request, string $type): array
{
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\n",
        'content' => json_encode(ObjectSerializer::sanitizeForSerialization($request)),
        'ignore_errors' => true,
    ]]);
    $raw = file_get_contents(getenv('B24_WEBHOOK') . '/' . $method, false, $context);
    preg_match('{^HTTP/\S+ (\d+)}', $http_response_header[0], $status);
    $status = (int) $status[1];
    $body = json_decode($raw);
    $class = $status === 200 ? $type : '\OpenAPI\Client\Model\ErrorResponse';
    return [$status, ObjectSerializer::deserialize($body, $class)];
}

$name = 'PHP smoke ' . hrtime(true);
$data = new Model\FlowCreateData([
    'name' => $name,
    'planned_completion_time' => 3600,
    'distribution_type' => 'queue',
    'responsible_list' => [['user', '2']],
]);
[$status, $created] = call('tasks.flow.Flow.create', new Model\TasksFlowFlowCreateRequest(['flow_data' => $data]), '\OpenAPI\Client\Model\TasksFlowFlowCreate200Response');
check($status === 200, "create: status $status");
$id = $created->getResult()->getId();
check($id > 0, 'create: id');
say("create ok id=$id");

[$status, $got] = call('tasks.flow.Flow.get', new Model\TasksFlowFlowGetRequest(['flow_id' => $id]), '\OpenAPI\Client\Model\TasksFlowFlowCreate200Response');
check($status === 200 && $got->getResult()->getName() === $name, 'get: name');
say('get ok');

[$status, $pinned] = call('tasks.flow.Flow.pin', new Model\TasksFlowFlowGetRequest(['flow_id' => $id]), '\OpenAPI\Client\Model\TasksFlowFlowPin200Response');
check($status === 200 && $pinned->getResult() === true && $pinned->getError() === null, 'pin: result');
say('pin ok pinned=true');

$pinError = ObjectSerializer::deserialize(json_decode(getenv('B24_PIN_200_ERROR')), '\OpenAPI\Client\Model\TasksFlowFlowPin200Response');
check($pinError->getResult() === null && $pinError->getError() !== null, 'pin 200 error: error');
say('pin-200-error read description="' . $pinError->getErrorDescription() . '"');

$delete = new Model\TasksFlowFlowDeleteRequest(['flow_data' => new Model\TasksFlowFlowDeleteRequestFlowData(['id' => $id])]);
[$status] = call('tasks.flow.Flow.delete', $delete, '\OpenAPI\Client\Model\TasksFlowFlowDelete200Response');
check($status === 200, "delete: status $status");
say('delete ok');

[$status, $error] = call('tasks.flow.Flow.get', new Model\TasksFlowFlowGetRequest(['flow_id' => $id]), '\OpenAPI\Client\Model\TasksFlowFlowCreate200Response');
check($status === 400 && $error->getErrorDescription() !== '', "get-deleted: status $status");
say("get-deleted error status=$status");
say('SMOKE OK');
