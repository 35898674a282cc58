package ai.revo.missioncontrol.operator;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.InstanceAdministration;
import ai.revo.missioncontrol.identity.OperatorView;
import ai.revo.missioncontrol.identity.UserId;
import ai.revo.missioncontrol.outbound.OutboundLog;
import ai.revo.missioncontrol.outbound.WorkspaceVolume;
import ai.revo.missioncontrol.platform.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The operator console's use cases. Every method first checks that {@code operator} operates this installation
 * (403 otherwise), so no caller can reach them by a route that forgot the check.
 */
@Service
public class OperatorConsole {

    private final InstanceAdministration admin;
    private final OutboundLog outbound;

    OperatorConsole(InstanceAdministration admin, OutboundLog outbound) {
        this.admin = admin;
        this.outbound = outbound;
    }

    public List<WorkspaceRow> workspaces(CurrentUser operator) {
        require(operator);
        Map<UUID, WorkspaceVolume> volumes = outbound.volumes();
        return admin.workspaces().stream()
                .map(w -> WorkspaceRow.of(w, volumes.get(w.id().value())))
                .toList();
    }

    public WorkspaceRow workspace(CurrentUser operator, UUID id) {
        require(operator);
        return WorkspaceRow.of(admin.workspace(id), outbound.volumes().get(id));
    }

    public WorkspaceRow suspend(CurrentUser operator, UUID id) {
        require(operator);
        admin.suspend(id, operator);
        return workspace(operator, id);
    }

    public WorkspaceRow reinstate(CurrentUser operator, UUID id) {
        require(operator);
        admin.reinstate(id, operator);
        return workspace(operator, id);
    }

    public WorkspaceRow approveOutbound(CurrentUser operator, UUID id) {
        require(operator);
        admin.approveOutbound(id, operator);
        return workspace(operator, id);
    }

    public WorkspaceRow sandbox(CurrentUser operator, UUID id) {
        require(operator);
        admin.sandbox(id, operator);
        return workspace(operator, id);
    }

    public WorkspaceRow setLimits(CurrentUser operator, UUID id, WorkspaceRow.Limits limits) {
        require(operator);
        WorkspaceRow.Limits l = limits == null ? new WorkspaceRow.Limits(null, null, null, null) : limits;
        admin.setLimits(
                id, l.hourlySendLimit(), l.dailySendLimit(), l.llmDailyRequests(), l.llmDailyTokens(), operator);
        return workspace(operator, id);
    }

    public List<OperatorView> operators(CurrentUser operator) {
        require(operator);
        return admin.operators();
    }

    public OperatorView nameOperator(CurrentUser operator, String email) {
        require(operator);
        return admin.nameOperator(email, operator);
    }

    public void removeOperator(CurrentUser operator, UserId user) {
        require(operator);
        admin.removeOperator(user);
    }

    private void require(CurrentUser user) {
        if (user == null || !admin.isOperator(user.id())) {
            throw ApiException.forbidden("Only the operator of this installation may do this");
        }
    }
}
