package org.rectiflow.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the organisation comes from.
 *
 * @param file         units, key groups and role groups (always loaded)
 * @param usersFile    users and memberships; the demo profile names the demo users file
 * @param demoPassword the password given to users created from the users file (demo profile only);
 *                     without it new users get a random password an administrator must reset; where the
 *                     password policy is on it must meet it (checked before anything is loaded)
 */
@ConfigurationProperties("rectiflow.organisation")
public record OrganisationProperties(Resource file, Resource usersFile, String demoPassword) {
}
