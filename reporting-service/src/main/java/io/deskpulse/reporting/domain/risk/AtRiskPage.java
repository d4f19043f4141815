package io.deskpulse.reporting.domain.risk;

import java.util.List;

/** One page of the churn-risk list, highest score first; {@code complaintTag} is the tag that was counted. */
public record AtRiskPage(AtRiskQuery query, String complaintTag, List<CustomerRisk> rows, String nextCursor) {
}
