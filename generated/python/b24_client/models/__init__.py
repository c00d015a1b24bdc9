# generated from spec/ by `nox -s generate`; do not edit
"""Contains all the data models used in inputs/outputs"""

from .activity_descriptor import ActivityDescriptor
from .activity_filter import ActivityFilter
from .activity_filter_rule_type_0 import ActivityFilterRuleType0
from .activity_property import ActivityProperty
from .activity_property_map import ActivityPropertyMap
from .activity_property_type_type_0 import ActivityPropertyTypeType0
from .activity_registration import ActivityRegistration
from .batch_body import BatchBody
from .batch_body_halt_type_1 import BatchBodyHaltType1
from .batch_response_200 import BatchResponse200
from .batch_result import BatchResult
from .bizproc_activity_add_response_200 import BizprocActivityAddResponse200
from .bizproc_activity_delete_body import BizprocActivityDeleteBody
from .bizproc_activity_delete_response_200 import BizprocActivityDeleteResponse200
from .bizproc_activity_list_body import BizprocActivityListBody
from .bizproc_activity_list_response_200 import BizprocActivityListResponse200
from .bizproc_activity_log_body import BizprocActivityLogBody
from .bizproc_activity_log_response_200 import BizprocActivityLogResponse200
from .bizproc_activity_update_body import BizprocActivityUpdateBody
from .bizproc_activity_update_response_200 import BizprocActivityUpdateResponse200
from .bizproc_event_send_body import BizprocEventSendBody
from .bizproc_event_send_body_returnvalues import BizprocEventSendBodyRETURNVALUES
from .bizproc_event_send_response_200 import BizprocEventSendResponse200
from .bizproc_robot_add_response_200 import BizprocRobotAddResponse200
from .bizproc_robot_delete_body import BizprocRobotDeleteBody
from .bizproc_robot_delete_response_200 import BizprocRobotDeleteResponse200
from .bizproc_robot_list_body import BizprocRobotListBody
from .bizproc_robot_list_response_200 import BizprocRobotListResponse200
from .bizproc_robot_update_body import BizprocRobotUpdateBody
from .bizproc_robot_update_response_200 import BizprocRobotUpdateResponse200
from .bizproc_task import BizprocTask
from .bizproc_task_complete_body import BizprocTaskCompleteBody
from .bizproc_task_complete_body_fields import BizprocTaskCompleteBodyFIELDS
from .bizproc_task_complete_response_200 import BizprocTaskCompleteResponse200
from .bizproc_task_delegate_body import BizprocTaskDelegateBody
from .bizproc_task_delegate_response_200 import BizprocTaskDelegateResponse200
from .bizproc_task_list_body import BizprocTaskListBody
from .bizproc_task_list_response_200 import BizprocTaskListResponse200
from .bizproc_workflow_instance_list_response_200 import BizprocWorkflowInstanceListResponse200
from .bizproc_workflow_instances_response_200 import BizprocWorkflowInstancesResponse200
from .bizproc_workflow_kill_body import BizprocWorkflowKillBody
from .bizproc_workflow_kill_response_200 import BizprocWorkflowKillResponse200
from .bizproc_workflow_start_body import BizprocWorkflowStartBody
from .bizproc_workflow_start_body_parameters import BizprocWorkflowStartBodyPARAMETERS
from .bizproc_workflow_start_response_200 import BizprocWorkflowStartResponse200
from .bizproc_workflow_template_add_body import BizprocWorkflowTemplateAddBody
from .bizproc_workflow_template_add_response_200 import BizprocWorkflowTemplateAddResponse200
from .bizproc_workflow_template_delete_body import BizprocWorkflowTemplateDeleteBody
from .bizproc_workflow_template_delete_response_200 import BizprocWorkflowTemplateDeleteResponse200
from .bizproc_workflow_template_list_body import BizprocWorkflowTemplateListBody
from .bizproc_workflow_template_list_response_200 import BizprocWorkflowTemplateListResponse200
from .bizproc_workflow_template_update_body import BizprocWorkflowTemplateUpdateBody
from .bizproc_workflow_template_update_body_fields import BizprocWorkflowTemplateUpdateBodyFIELDS
from .bizproc_workflow_template_update_response_200 import BizprocWorkflowTemplateUpdateResponse200
from .bizproc_workflow_terminate_body import BizprocWorkflowTerminateBody
from .bizproc_workflow_terminate_response_200 import BizprocWorkflowTerminateResponse200
from .distribution_type import DistributionType
from .document_module import DocumentModule
from .error_response import ErrorResponse
from .flow import Flow
from .flow_create_data import FlowCreateData
from .flow_update_data import FlowUpdateData
from .list_filter import ListFilter
from .list_order import ListOrder
from .list_order_additional_property_type_0 import ListOrderAdditionalPropertyType0
from .paged_envelope import PagedEnvelope
from .response_time import ResponseTime
from .success_envelope import SuccessEnvelope
from .task_field import TaskField
from .task_parameters import TaskParameters
from .task_parameters_comment_required import TaskParametersCommentRequired
from .task_response_status_type_0 import TaskResponseStatusType0
from .task_response_status_type_1 import TaskResponseStatusType1
from .task_status import TaskStatus
from .task_user_status import TaskUserStatus
from .tasks_flow_flow_activate_body import TasksFlowFlowActivateBody
from .tasks_flow_flow_activate_response_200 import TasksFlowFlowActivateResponse200
from .tasks_flow_flow_create_body import TasksFlowFlowCreateBody
from .tasks_flow_flow_create_response_200 import TasksFlowFlowCreateResponse200
from .tasks_flow_flow_delete_body import TasksFlowFlowDeleteBody
from .tasks_flow_flow_delete_body_flow_data import TasksFlowFlowDeleteBodyFlowData
from .tasks_flow_flow_delete_response_200 import TasksFlowFlowDeleteResponse200
from .tasks_flow_flow_delete_response_200_result import TasksFlowFlowDeleteResponse200Result
from .tasks_flow_flow_get_body import TasksFlowFlowGetBody
from .tasks_flow_flow_get_response_200 import TasksFlowFlowGetResponse200
from .tasks_flow_flow_is_exists_body import TasksFlowFlowIsExistsBody
from .tasks_flow_flow_is_exists_body_flow_data import TasksFlowFlowIsExistsBodyFlowData
from .tasks_flow_flow_is_exists_response_200 import TasksFlowFlowIsExistsResponse200
from .tasks_flow_flow_is_exists_response_200_result import TasksFlowFlowIsExistsResponse200Result
from .tasks_flow_flow_pin_body import TasksFlowFlowPinBody
from .tasks_flow_flow_pin_response_200 import TasksFlowFlowPinResponse200
from .tasks_flow_flow_update_body import TasksFlowFlowUpdateBody
from .tasks_flow_flow_update_response_200 import TasksFlowFlowUpdateResponse200
from .template_auto_execute_type_0 import TemplateAutoExecuteType0
from .workflow_instance import WorkflowInstance
from .workflow_instance_list_request import WorkflowInstanceListRequest
from .workflow_template import WorkflowTemplate
from .yes_no import YesNo

__all__ = (
    "ActivityDescriptor",
    "ActivityFilter",
    "ActivityFilterRuleType0",
    "ActivityProperty",
    "ActivityPropertyMap",
    "ActivityPropertyTypeType0",
    "ActivityRegistration",
    "BatchBody",
    "BatchBodyHaltType1",
    "BatchResponse200",
    "BatchResult",
    "BizprocActivityAddResponse200",
    "BizprocActivityDeleteBody",
    "BizprocActivityDeleteResponse200",
    "BizprocActivityListBody",
    "BizprocActivityListResponse200",
    "BizprocActivityLogBody",
    "BizprocActivityLogResponse200",
    "BizprocActivityUpdateBody",
    "BizprocActivityUpdateResponse200",
    "BizprocEventSendBody",
    "BizprocEventSendBodyRETURNVALUES",
    "BizprocEventSendResponse200",
    "BizprocRobotAddResponse200",
    "BizprocRobotDeleteBody",
    "BizprocRobotDeleteResponse200",
    "BizprocRobotListBody",
    "BizprocRobotListResponse200",
    "BizprocRobotUpdateBody",
    "BizprocRobotUpdateResponse200",
    "BizprocTask",
    "BizprocTaskCompleteBody",
    "BizprocTaskCompleteBodyFIELDS",
    "BizprocTaskCompleteResponse200",
    "BizprocTaskDelegateBody",
    "BizprocTaskDelegateResponse200",
    "BizprocTaskListBody",
    "BizprocTaskListResponse200",
    "BizprocWorkflowInstanceListResponse200",
    "BizprocWorkflowInstancesResponse200",
    "BizprocWorkflowKillBody",
    "BizprocWorkflowKillResponse200",
    "BizprocWorkflowStartBody",
    "BizprocWorkflowStartBodyPARAMETERS",
    "BizprocWorkflowStartResponse200",
    "BizprocWorkflowTemplateAddBody",
    "BizprocWorkflowTemplateAddResponse200",
    "BizprocWorkflowTemplateDeleteBody",
    "BizprocWorkflowTemplateDeleteResponse200",
    "BizprocWorkflowTemplateListBody",
    "BizprocWorkflowTemplateListResponse200",
    "BizprocWorkflowTemplateUpdateBody",
    "BizprocWorkflowTemplateUpdateBodyFIELDS",
    "BizprocWorkflowTemplateUpdateResponse200",
    "BizprocWorkflowTerminateBody",
    "BizprocWorkflowTerminateResponse200",
    "DistributionType",
    "DocumentModule",
    "ErrorResponse",
    "Flow",
    "FlowCreateData",
    "FlowUpdateData",
    "ListFilter",
    "ListOrder",
    "ListOrderAdditionalPropertyType0",
    "PagedEnvelope",
    "ResponseTime",
    "SuccessEnvelope",
    "TaskField",
    "TaskParameters",
    "TaskParametersCommentRequired",
    "TaskResponseStatusType0",
    "TaskResponseStatusType1",
    "TasksFlowFlowActivateBody",
    "TasksFlowFlowActivateResponse200",
    "TasksFlowFlowCreateBody",
    "TasksFlowFlowCreateResponse200",
    "TasksFlowFlowDeleteBody",
    "TasksFlowFlowDeleteBodyFlowData",
    "TasksFlowFlowDeleteResponse200",
    "TasksFlowFlowDeleteResponse200Result",
    "TasksFlowFlowGetBody",
    "TasksFlowFlowGetResponse200",
    "TasksFlowFlowIsExistsBody",
    "TasksFlowFlowIsExistsBodyFlowData",
    "TasksFlowFlowIsExistsResponse200",
    "TasksFlowFlowIsExistsResponse200Result",
    "TasksFlowFlowPinBody",
    "TasksFlowFlowPinResponse200",
    "TasksFlowFlowUpdateBody",
    "TasksFlowFlowUpdateResponse200",
    "TaskStatus",
    "TaskUserStatus",
    "TemplateAutoExecuteType0",
    "WorkflowInstance",
    "WorkflowInstanceListRequest",
    "WorkflowTemplate",
    "YesNo",
)
