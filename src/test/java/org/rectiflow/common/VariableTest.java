package org.rectiflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.core.variable.CoreVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance;
import org.camunda.bpm.engine.impl.core.variable.scope.SimpleVariableInstance.SimpleVariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceFactory;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableInstanceLifecycleListener;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.rectiflow.engine.LedgerCopies;

/** The declaration of a process variable: typed reads and writes, local writes, and the ledger-copy flag. */
class VariableTest {

    static final class Declared {
        public static final Variable<String> CODE = Variable.string("code").ledgerCopy();
        public static final Variable<Integer> COUNT = Variable.integer("count");
        public static final Variable<Boolean> DONE = Variable.bool("done").ledgerCopy();
        public static final Variable<Date> DUE = Variable.date("due");
        public static final Variable<Long> ID = Variable.longInteger("id");
        public static final FormField NOTE = FormField.text("some-form", "note", "说明", 10);
        public static final String NOT_A_DECLARATION = "other";
        static final Variable<String> NOT_PUBLIC = Variable.string("hidden").ledgerCopy();
    }

    /** A plain variable scope of the engine's core, with a parent, without an engine. */
    static final class Scope extends AbstractVariableScope {
        private final Scope parent;
        private final VariableStore<SimpleVariableInstance> store = new VariableStore<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        @Override
        protected VariableStore<CoreVariableInstance> getVariableStore() {
            @SuppressWarnings({"unchecked", "rawtypes"})
            VariableStore<CoreVariableInstance> s = (VariableStore) store;
            return s;
        }

        @Override
        protected VariableInstanceFactory<CoreVariableInstance> getVariableInstanceFactory() {
            @SuppressWarnings({"unchecked", "rawtypes"})
            VariableInstanceFactory<CoreVariableInstance> f =
                (VariableInstanceFactory) SimpleVariableInstanceFactory.INSTANCE;
            return f;
        }

        @Override
        protected List<VariableInstanceLifecycleListener<CoreVariableInstance>>
                getVariableInstanceLifecycleListeners() {
            return List.of();
        }

        @Override
        public AbstractVariableScope getParentVariableScope() {
            return parent;
        }
    }

    private final Scope instance = new Scope(null);
    private final Scope task = new Scope(instance);

    @Test
    void readsWhatItWritesWithItsType() {
        Date due = new Date(0);
        Declared.CODE.set(instance, "R1-1");
        Declared.COUNT.set(instance, 2);
        Declared.DONE.set(instance, true);
        Declared.DUE.set(instance, due);
        Declared.ID.set(instance, 7L);

        assertThat(Declared.CODE.get(task)).isEqualTo("R1-1");
        assertThat(Declared.COUNT.get(task)).isEqualTo(2);
        assertThat(Declared.DONE.get(task)).isTrue();
        assertThat(Declared.DUE.get(task)).isEqualTo(due);
        assertThat(Declared.ID.get(task)).isEqualTo(7L);
        assertThat(instance.getVariable("code")).isEqualTo("R1-1");
    }

    @Test
    void absentOrNullReadsAsNullOrTheGivenDefault() {
        assertThat(Declared.CODE.get(task)).isNull();
        assertThat(Declared.COUNT.get(task, 0)).isZero();
        assertThat(Declared.CODE.isSet(task)).isFalse();
        Declared.COUNT.set(instance, null);
        assertThat(Declared.COUNT.get(task)).isNull();
        assertThat(Declared.COUNT.get(task, 1)).isEqualTo(1);
        assertThat(Declared.COUNT.isSet(task)).isFalse();
    }

    @Test
    void aValueOfAnotherTypeIsAnErrorNamingTheVariable() {
        instance.setVariable("count", Variables.stringValue("3"));
        assertThat(Declared.COUNT.isSet(task)).isTrue();
        assertThatThrownBy(() -> Declared.COUNT.get(task)).isInstanceOf(IllegalStateException.class)
            .hasMessage("The variable count holds a string value where a Integer was expected");
        instance.setVariable("id", Variables.integerValue(7));
        assertThatThrownBy(() -> Declared.ID.get(task)).hasMessageContaining("where a Long was expected");
    }

    @Test
    void setWritesWhereTheEngineWouldAndSetLocalOnTheScopeItself() {
        Declared.CODE.set(task, "R1-1");
        assertThat(instance.hasVariableLocal("code")).isTrue();
        assertThat(task.hasVariableLocal("code")).isFalse();

        Declared.CODE.setLocal(task, "R1-2");
        assertThat(Declared.CODE.get(task)).isEqualTo("R1-2");
        assertThat(Declared.CODE.get(instance)).isEqualTo("R1-1");

        Declared.CODE.clearLocal(task);
        assertThat(task.hasVariableLocal("code")).isTrue();
        assertThat(Declared.CODE.get(task)).isNull();
        assertThat(Declared.CODE.get(instance)).isEqualTo("R1-1");
    }

    @Test
    void aMapOfValuesStartsAnInstance() {
        VariableMap start = Variable.map(Declared.CODE.value("R1"), Declared.COUNT.value(3));
        assertThat(start).containsExactly(java.util.Map.entry("code", "R1"), java.util.Map.entry("count", 3));
    }

    @Test
    void declarationsAreTheirPublicStaticVariableFieldsInOrder() {
        assertThat(Variable.declaredIn(Declared.class)).extracting(Variable::name)
            .containsExactly("code", "count", "done", "due", "id");
        assertThat(Declared.CODE).hasToString("code (String, ledger copy)");
        assertThat(Declared.COUNT.isLedgerCopy()).isFalse();
        assertThat(Declared.COUNT.type()).isEqualTo(Integer.class);
        assertThat(Variable.string("code").ledgerCopy()).isEqualTo(Declared.CODE).isNotEqualTo(Variable.string("code"));
    }

    @Test
    void theLedgerCopiesOfADiagramAreItsVariablesDeclaredSo() {
        assertThat(LedgerCopies.declaredIn("p", Declared.class))
            .isEqualTo(new LedgerCopies("p", java.util.Set.of("code", "done")));
    }
}
