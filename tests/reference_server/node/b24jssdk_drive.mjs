// Drives the reference server with @bitrix24/b24jssdk, unchanged: a few single calls and a batch
// with a reference between its commands. Prints one JSON object with what came back, for the
// Python test (tests/reference_server/test_clients.py) to judge. Usage: node b24jssdk_drive.mjs WEBHOOK_URL
import { B24Hook } from '@bitrix24/b24jssdk'

const webhook = process.argv[2]
const b24 = B24Hook.fromWebhookUrl(webhook)
b24.offClientSideWarning?.()

const flowData = {
  name: 'From b24jssdk',
  plannedCompletionTime: 3600,
  distributionType: 'queue',
  responsibleList: [['user', '2']]
}

const out = {}
const created = await b24.callMethod('tasks.flow.Flow.create', { flowData })
out.created = created.getData()
const flowId = out.created.result.id
out.got = (await b24.callMethod('tasks.flow.Flow.get', { flowId })).getData()
const batch = await b24.callBatch(
  {
    read: { method: 'tasks.flow.Flow.get', params: { flowId } },
    exists: { method: 'tasks.flow.Flow.isExists', params: { flowData: { name: '$result[read][name]' } } },
    instances: { method: 'bizproc.workflow.instances', params: { select: ['ID'] } }
  },
  true
)
out.batchOk = batch.isSuccess
out.batch = batch.getData()
out.deleted = (await b24.callMethod('tasks.flow.Flow.delete', { flowData: { id: flowId } })).getData()
process.stdout.write(JSON.stringify(out))
