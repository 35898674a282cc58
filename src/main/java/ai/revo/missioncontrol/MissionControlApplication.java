package ai.revo.missioncontrol;

import ai.revo.missioncontrol.cli.ConnectCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
public class MissionControlApplication {

    public static void main(String[] args) {
        if (ConnectCommand.isRequested(args)) {
            // a client of a running instance: answers without starting the application
            System.exit(ConnectCommand.run(args));
        }
        SpringApplication.run(MissionControlApplication.class, args);
    }
}
