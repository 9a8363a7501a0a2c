package org.rectiflow.guard;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Who is calling the engine's services, and the refusals of what a user may not do through them. A call from
 * outside any engine command that is not an {@link ApplicationCalls application call} comes from a user: the
 * REST API ({@code /engine-rest}, and {@code /camunda/api/engine} behind the webapps) or the Tasklist. Such a
 * call may not start a process, write or remove a variable, move a token, correlate a message or send a
 * signal: whatever routes the work comes from the ledger or from the engine itself. Refusals are the engine's
 * {@link AuthorizationException} (HTTP 403 from the REST API) with a Chinese message saying what to do instead.
 */
final class EngineCalls {

    static final String START = "流程实例只能由系统根据台账启动，不能通过接口或任务列表直接启动："
        + "巡察整改请由整改专班通过“登记巡察反馈”（POST /api/rounds，JSON 或 Excel 工作簿）登记，措施、线索和整改方案随之自动启动。";
    static final String VARIABLES = "流程变量由系统根据台账写入，不能直接新增、修改或删除；"
        + "办理任务时请通过任务表单提交，只能提交该任务表单中的字段。";
    static final String MODIFICATION = "不能直接调整或重启流程实例的执行位置：整改措施的报告、审核和销号必须按流程逐步办理。";
    static final String EVENTS = "不能从外部向流程发送消息、信号或条件事件：流程只按台账和任务表单推进。";
    static final String TASK_EVENTS = "任务只能通过提交表单办结，不能由办理人抛出错误或升级事件。";
    static final String DELEGATED_VARIABLES = "委派的任务交回时不能携带变量：请在任务表单中填写并提交。";

    private EngineCalls() {
    }

    /** Whether the current call comes from a user rather than from the engine or the application itself. */
    static boolean fromUser() {
        return Context.getCommandContext() == null && !ApplicationCalls.active();
    }

    static void refuseFromUser(String message) {
        if (fromUser()) {
            throw new AuthorizationException(message);
        }
    }
}
