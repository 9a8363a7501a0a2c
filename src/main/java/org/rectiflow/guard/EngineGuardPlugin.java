package org.rectiflow.guard;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine as users may reach it (issue 13, docs/security.md): tasks accept their own form only, users
 * write no variables and start, move or signal no process ({@link GuardedTaskService}, {@link GuardedFormService},
 * {@link GuardedRuntimeService}); expressions reach only the application's delegates and {@link DiagramFunctions}
 * beans ({@link DiagramBeans}), and a deployment carries no other code ({@link DiagramPolicy}). A BPMN error
 * that no boundary event catches fails the step instead of silently ending the instance.
 */
@Component
public class EngineGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    public EngineGuardPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskForms forms = new TaskForms();
        configuration.setTaskService(new GuardedTaskService(forms));
        configuration.setFormService(new GuardedFormService(forms));
        configuration.setRuntimeService(new GuardedRuntimeService());

        DiagramBeans beans = DiagramBeans.of(context);
        configuration.setBeans(beans.asExpressionBeans());
        configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()));

        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new DiagramPolicy(new ExpressionPolicy(beans), FieldValuePolicy.fromClasspath()));
        configuration.setCustomPreDeployers(preDeployers);

        configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    }
}
