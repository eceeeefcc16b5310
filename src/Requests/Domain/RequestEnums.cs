namespace MarketingDev.Requests.Domain;

// The domain's enums carry the numbers of their proto twins (requests.proto), so the edge converts them with a cast and
// a value the contract does not know stays unknown until validation refuses it. 0 is the proto's UNSPECIFIED ("not
// given"), which no domain member uses. EnumContractTests pins names and numbers; the database and the events store names.

public enum RequestType { Feature = 1, LandingPage, Experiment, Integration, Tracking, Content, Other }

public enum Priority { Low = 1, Medium, High, Urgent }

public enum RequestStatus { Draft = 1, Submitted, InReview, Ready, InProgress, Delivered, Rejected, Withdrawn }

public enum AssetKind { Figma = 1, Xd, Image, Other }

public enum EstimateSize { Xs = 1, S, M, L, Xl }
