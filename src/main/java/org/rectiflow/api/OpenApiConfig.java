package org.rectiflow.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of {@code /api/**} (springdoc), served at {@code /api/openapi} with its UI at
 * {@code /api/docs}: both behind the same HTTP Basic login as the API itself.
 */
@Configuration
public class OpenApiConfig {

    @Bean
    public OpenAPI rectiflowOpenApi() {
        return new OpenAPI()
            .info(new Info().title("Rectiflow API").version("1")
                .description("巡察整改：反馈登记、台账、整改进展报告与汇总数据。A unit's user sees its own unit's rows; "
                    + "only the rectification office registers rounds."))
            .components(new Components().addSecuritySchemes("basic",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
            .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
