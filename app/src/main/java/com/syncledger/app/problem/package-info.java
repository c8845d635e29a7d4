/**
 * Errors as RFC 9457 problems, in one place: the exceptions the modules throw ({@link
 * com.syncledger.app.problem.NotFoundException}, {@link com.syncledger.app.problem.ConflictException}, {@link
 * com.syncledger.app.problem.InvalidInputException}, and {@link com.syncledger.app.problem.ProblemException} for a
 * module that shapes its own problem), the kinds with their stable type URIs ({@link
 * com.syncledger.app.problem.ProblemKind}), and every translation: Spring MVC's exception handling
 * ({@code ExceptionProblems}), the error page ({@code ErrorPages}), the servlet filters' writer ({@link
 * com.syncledger.app.problem.ProblemWriter}) and Tomcat's own error reports ({@link
 * com.syncledger.app.problem.ProblemErrorReportValve}).
 */
package com.syncledger.app.problem;
