package cn.foi.command.agency;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class AgencyCommands {

    private AgencyCommands() {
    }

    public record RegisterAgency(@TargetAggregateIdentifier String code, String name, String parentCode) {
    }
}
