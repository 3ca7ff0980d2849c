package be.twe.support;


import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.parser.OpenAPIV3Parser;

/**
 * Validates every request and response of every test against the contract ({@link Contract}). A test that sends a
 * deliberately invalid request marks it with {@link #INVALID_REQUEST}; its response is still
 * validated. A problem answer must carry a code its operation declares ({@link DeclaredProblemCodes}).
 */
public class ContractValidation implements Filter {
    public static final String INVALID_REQUEST = "X-Test-Invalid-Request";
    private static final String SPEC = Contract.BUNDLE.toUri().toString();

    private final OpenApiValidationFilter full = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC).build());
    private final OpenApiValidationFilter responseOnly = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                    .build());

    private final DeclaredProblemCodes problemCodes = new DeclaredProblemCodes(new OpenAPIV3Parser().read(SPEC));

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer;
        if (request.getHeaders().hasHeaderWithName(INVALID_REQUEST)) {
            request.removeHeader(INVALID_REQUEST);
            answer = responseOnly.filter(request, response, context);
        } else {
            answer = full.filter(request, response, context);
        }
        problemCodes.check(request.getMethod(), request.getURI(), answer);
        return answer;
    }
}
