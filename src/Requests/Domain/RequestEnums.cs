namespace MarketingDev.Requests.Domain;

public enum RequestType { Feature, LandingPage, Experiment, Integration, Tracking, Content, Other }

public enum Priority { Low, Medium, High, Urgent }

public enum RequestStatus { Draft, Submitted, InReview, Ready, InProgress, Delivered, Rejected, Withdrawn }

public enum AssetKind { Figma, Xd, Image, Other }

public enum EstimateSize { Xs, S, M, L, Xl }
