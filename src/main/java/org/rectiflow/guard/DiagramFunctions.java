package org.rectiflow.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose public methods (those its own class declares) the diagrams' expressions may call, such as
 * {@code ${escalationLadder.amberAt(deadline)}}. Together with the delegates (which a diagram names in
 * {@code camunda:delegateExpression}), these are the only beans an expression can reach ({@link DiagramBeans}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiagramFunctions {
}
