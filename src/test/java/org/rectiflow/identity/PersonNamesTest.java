package org.rectiflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;

/** Issue 17: a person's name in Chinese order, family name first, without a space; a Latin name as it is written. */
class PersonNamesTest {

    @Test
    void familyNameThenGivenName() {
        UserEntity user = new UserEntity("educationHead");
        user.setFirstName("苏");
        user.setLastName("淑贞");

        assertThat(PersonNames.display(user)).isEqualTo("苏淑贞");
        assertThat(PersonNames.display("欧阳", " 修 ")).isEqualTo("欧阳修");
        assertThat(PersonNames.display("王", null)).isEqualTo("王");
    }

    @Test
    void aLatinNameAsWrittenAndNoNameEmpty() {
        assertThat(PersonNames.display("Demo", "Admin")).isEqualTo("Demo Admin");
        assertThat(PersonNames.display(null, "Admin")).isEqualTo("Admin");
        assertThat(PersonNames.display(null, null)).isEmpty();
    }
}
