package org.rectiflow.demo;

import org.rectiflow.common.EngineClock;
import org.rectiflow.inspection.InspectionRoundService;
import org.rectiflow.inspection.RoundRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** Demo profile: registers the demo round from the seed on first start (after the organisation). */
@Component
@Profile("demo")
@Order(20)
public class DemoRoundLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRoundLoader.class);

    private final Resource roundFile;
    private final InspectionRoundService rounds;
    private final RoundRepository repository;
    private final EngineClock clock;

    public DemoRoundLoader(@Value("${rectiflow.demo.round-file}") Resource roundFile, InspectionRoundService rounds,
                           RoundRepository repository, EngineClock clock) {
        this.roundFile = roundFile;
        this.rounds = rounds;
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        DemoRoundFile file = DemoRound.read(roundFile);
        if (repository.exists(file.code())) {
            LOG.info("Demo round {} is registered already", file.code());
            return;
        }
        String instance = rounds.register(DemoRound.registration(file, clock.today()));
        LOG.info("Demo round {} registered, inspection-round instance {}", file.code(), instance);
    }
}
